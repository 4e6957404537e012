// Creator restreaming page: refreshes each destination's push status (state, bitrate, errors) every 2 s
// from /api/v1/channels/{name}/restream-destinations while the page is visible.
const list = document.querySelector('[data-restream-channel]');
if (list) {
  const url = `/api/v1/channels/${encodeURIComponent(list.dataset.restreamChannel)}/restream-destinations`;
  const set = (item, field, text) => {
    const node = item.querySelector(`[data-field="${field}"]`);
    if (node && node.textContent !== text) node.textContent = text;
  };
  const refresh = async () => {
    if (document.hidden) return;
    let destinations;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return;
      destinations = await response.json();
    } catch {
      return;
    }
    for (const d of destinations) {
      const item = list.querySelector(`[data-destination="${d.id}"]`);
      if (!item) continue;
      const state = item.querySelector('[data-field="state"]');
      state.className = `badge restream-state restream-state-${d.state}`;
      set(item, 'state', d.state);
      set(item, 'bitrate', d.state === 'live' ? `${Math.round(d.bitrateKbps)} kbit/s` : '');
      set(item, 'details', d.reconnects > 0 || d.droppedTags > 0 ? `${d.reconnects} reconnects · ${d.droppedTags} dropped` : '');
      set(item, 'error', d.state === 'retrying' || d.state === 'failed' ? d.lastError ?? '' : '');
    }
  };
  setInterval(refresh, 2000);
  document.addEventListener('visibilitychange', refresh);
}
