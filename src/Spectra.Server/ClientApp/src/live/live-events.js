// Follows /live/events (server-sent events): a snapshot of live channels on every (re)connect, then
// "online" / "offline" changes and "viewers" ({ channel: count } for the counts that changed, every few
// seconds). EventSource reconnects by itself after the server's retry delay.
export function followLiveEvents({ onSnapshot, onOnline, onOffline, onViewers }) {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/live/events');
  const parse = (handler) => (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    handler?.(data);
  };
  source.addEventListener('snapshot', parse(onSnapshot));
  source.addEventListener('online', parse(onOnline));
  source.addEventListener('offline', parse(onOffline));
  source.addEventListener('viewers', parse(onViewers));
  return () => source.close();
}

// Thumbnails change about every 30 s; a query string defeats caches between refreshes.
export const THUMBNAIL_REFRESH_MS = 30_000;

export function thumbnailSrc(url) {
  return `${url}?t=${Math.floor(Date.now() / THUMBNAIL_REFRESH_MS)}`;
}

export function viewersText(count) {
  return count === 1 ? '1 viewer' : `${(count ?? 0).toLocaleString()} viewers`;
}
