// Home page "Live now": keeps the server-rendered cards (most viewers first) in step with /live/events,
// updates their viewer counts and refreshes thumbnails. Cards are not re-sorted while the page is open (a
// grid that jumps under the pointer is worse than a slightly stale order); a reconnect's snapshot re-sorts.
import { followLiveEvents, thumbnailSrc, viewersText, THUMBNAIL_REFRESH_MS } from './live/live-events.js';

const grid = document.getElementById('live-now');
if (grid) {
  const empty = grid.querySelector('.empty-state');

  const cardFor = (name) => grid.querySelector(`.live-card[data-channel="${CSS.escape(name)}"]`);

  const watchThumbnail = (img) => {
    const missing = () => img.closest('.live-card')?.classList.add('no-thumbnail');
    img.addEventListener('error', missing);
    img.addEventListener('load', () => img.closest('.live-card')?.classList.remove('no-thumbnail'));
    if (img.complete && img.naturalWidth === 0) missing();
  };

  const buildCard = (live) => {
    const card = document.createElement('article');
    card.className = 'live-card';
    card.dataset.channel = live.channel;
    card.dataset.thumbnail = live.thumbnailUrl;

    const link = document.createElement('a');
    link.className = 'live-thumb-link';
    link.href = `/${encodeURIComponent(live.channel)}`;
    const img = document.createElement('img');
    img.className = 'live-thumb';
    img.alt = '';
    img.width = 320;
    img.height = 180;
    img.src = thumbnailSrc(live.thumbnailUrl);
    watchThumbnail(img);
    const badge = document.createElement('span');
    badge.className = 'live-badge';
    badge.textContent = 'LIVE';
    const viewers = document.createElement('span');
    viewers.className = 'live-viewers';
    viewers.dataset.viewers = String(live.viewers ?? 0);
    viewers.textContent = viewersText(live.viewers);
    link.append(img, badge, viewers);

    const title = document.createElement('h3');
    title.className = 'live-title';
    const titleLink = document.createElement('a');
    titleLink.href = link.href;
    titleLink.textContent = live.title || live.channel;
    title.append(titleLink);

    const meta = document.createElement('p');
    meta.className = 'live-meta';
    const channelLink = document.createElement('a');
    channelLink.className = 'live-channel';
    channelLink.href = link.href;
    const channelName = document.createElement('strong');
    channelName.textContent = live.channel;
    channelLink.append(channelName);
    meta.append(channelLink);
    if (live.category) meta.append(` · ${live.category}`);

    card.append(link, title, meta);
    return card;
  };

  const updateEmpty = () => {
    if (empty) empty.hidden = grid.querySelector('.live-card') !== null;
  };

  const setViewers = (card, count) => {
    const label = card?.querySelector('.live-viewers');
    if (!label) return;
    label.dataset.viewers = String(count);
    label.textContent = viewersText(count);
  };

  // A channel that just went live has the fewest viewers: it goes last.
  const add = (live) => {
    const existing = cardFor(live.channel);
    if (existing) {
      setViewers(existing, live.viewers ?? 0);
      return existing;
    }
    const card = buildCard(live);
    grid.insertBefore(card, empty);
    updateEmpty();
    return card;
  };

  const remove = (name) => {
    cardFor(name)?.remove();
    updateEmpty();
  };

  for (const img of grid.querySelectorAll('img.live-thumb')) watchThumbnail(img);

  followLiveEvents({
    onSnapshot: (list) => {
      const names = new Set(list.map((l) => l.channel));
      for (const card of grid.querySelectorAll('.live-card')) {
        if (!names.has(card.dataset.channel)) card.remove();
      }
      for (const live of list) grid.insertBefore(add(live), empty);
      updateEmpty();
    },
    onOnline: add,
    onOffline: (offline) => remove(offline.channel),
    onViewers: (counts) => {
      for (const [name, count] of Object.entries(counts)) setViewers(cardFor(name), count);
    },
  });

  setInterval(() => {
    for (const card of grid.querySelectorAll('.live-card')) {
      const img = card.querySelector('img.live-thumb');
      if (img && card.dataset.thumbnail) img.src = thumbnailSrc(card.dataset.thumbnail);
    }
  }, THUMBNAIL_REFRESH_MS);
}
