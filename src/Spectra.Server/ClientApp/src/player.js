// Channel page: the player switches between offline, starting, live and ended without a reload; the
// layout's theatre mode, chat collapse and chat width; live viewers and uptime in the channel header.
import { HlsPlayer } from './live/hls-player.js';
import { followLiveEvents, viewersText } from './live/live-events.js';

const LAYOUT_KEY = 'spectra-channel-layout';
const CHAT_WIDTH = { min: 280, max: 600, step: 20 };

const layout = document.querySelector('.channel-layout');
const root = document.getElementById('player');

function loadPrefs() {
  try {
    return JSON.parse(localStorage.getItem(LAYOUT_KEY)) || {};
  } catch {
    return {};
  }
}

function savePrefs(prefs) {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered.
  }
}

function setupLayout() {
  if (!layout) return null;
  const prefs = loadPrefs();
  const showChat = layout.querySelector('[data-action="show-chat"]');
  const resizer = layout.querySelector('.chat-resizer');

  const setChat = (open) => {
    layout.dataset.chat = open ? 'open' : 'collapsed';
    showChat.hidden = open;
    prefs.chatCollapsed = !open;
    savePrefs(prefs);
    if (open) layout.querySelector('[data-action="hide-chat"]')?.focus();
    else showChat.focus();
  };
  layout.querySelector('[data-action="hide-chat"]')?.addEventListener('click', () => setChat(false));
  showChat?.addEventListener('click', () => setChat(true));
  if (prefs.chatCollapsed && matchMedia('(min-width: 1024px)').matches) {
    layout.dataset.chat = 'collapsed';
    showChat.hidden = false;
  }

  const setWidth = (px) => {
    const width = Math.round(Math.min(CHAT_WIDTH.max, Math.max(CHAT_WIDTH.min, px)));
    layout.style.setProperty('--chat-width', `${width}px`);
    resizer?.setAttribute('aria-valuenow', String(width));
    prefs.chatWidth = width;
    return width;
  };
  if (prefs.chatWidth) setWidth(prefs.chatWidth);
  if (resizer) {
    resizer.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      resizer.setPointerCapture(event.pointerId);
      resizer.classList.add('dragging');
      const right = layout.getBoundingClientRect().right;
      const move = (e) => setWidth(right - e.clientX);
      const up = () => {
        resizer.classList.remove('dragging');
        resizer.removeEventListener('pointermove', move);
        savePrefs(prefs);
      };
      resizer.addEventListener('pointermove', move);
      resizer.addEventListener('pointerup', up, { once: true });
      resizer.addEventListener('pointercancel', up, { once: true });
    });
    resizer.addEventListener('keydown', (event) => {
      const current = Number(resizer.getAttribute('aria-valuenow')) || 340;
      const delta = { ArrowLeft: CHAT_WIDTH.step, ArrowRight: -CHAT_WIDTH.step }[event.key];
      if (delta === undefined) return;
      event.preventDefault();
      setWidth(current + delta);
      savePrefs(prefs);
    });
  }

  return () => {
    const on = layout.dataset.theatre !== 'true';
    layout.dataset.theatre = String(on);
    return on;
  };
}

// "1 h 05 min", "12 min", "40 s".
function formatUptime(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

function setupFacts(channel) {
  const facts = document.querySelector('[data-role="live-facts"]');
  const viewers = document.querySelector('[data-role="channel-viewers"]');
  const uptime = document.querySelector('[data-role="uptime"]');
  // The server writes UTC; a time without a zone is UTC too.
  const parseUtc = (text) => Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  const tick = () => {
    const since = parseUtc(uptime?.getAttribute('datetime') || '');
    if (uptime && !Number.isNaN(since)) uptime.textContent = formatUptime(Date.now() - since);
  };
  tick();
  setInterval(tick, 15_000);
  return {
    online(live) {
      if (!facts) return;
      facts.hidden = false;
      if (live.since && uptime) uptime.setAttribute('datetime', live.since);
      if (viewers && live.viewers != null) viewers.textContent = viewersText(live.viewers);
      tick();
    },
    offline() {
      if (facts) facts.hidden = true;
    },
    viewers(counts) {
      const count = counts[channel] ?? Object.entries(counts).find(([k]) => k.toLowerCase() === channel.toLowerCase())?.[1];
      if (viewers && count != null) viewers.textContent = viewersText(count);
    },
  };
}

if (root) {
  const channel = root.dataset.channel;
  const offlineTemplate = root.querySelector('.offline-message')?.cloneNode(true);
  const onTheatre = setupLayout();
  const facts = setupFacts(channel);
  let player = null;

  const goLive = (src) => {
    if (player) return;
    root.classList.remove('offline');
    root.classList.add('live');
    root.dataset.src = src || root.dataset.src;
    player = new HlsPlayer(root, root.dataset.src, root.dataset.flvSrc, { onTheatre: onTheatre ?? undefined });
    player.start();
    window.spectraPlayer = player;
  };

  // The broadcast ended while this page watched it: say so, with the next show if one is scheduled.
  const goOffline = (ended) => {
    const wasLive = !!player;
    player?.destroy();
    player = null;
    window.spectraPlayer = null;
    root.classList.remove('live');
    root.classList.add('offline');
    root.removeAttribute('data-playback');
    root.dataset.state = ended && wasLive ? 'ended' : 'offline';
    const message = offlineTemplate?.cloneNode(true);
    if (message) {
      message.hidden = false;
      if (ended && wasLive) message.querySelector('p').textContent = 'The stream has ended.';
      root.replaceChildren(message);
    }
    facts.offline();
  };

  if (root.dataset.state === 'live') goLive();

  const mine = (name) => name.toLowerCase() === channel.toLowerCase();
  followLiveEvents({
    onSnapshot: (list) => {
      const live = list.find((l) => mine(l.channel));
      if (live) {
        goLive(live.playlistUrl);
        facts.online(live);
      } else if (player) {
        goOffline(true);
      }
    },
    onOnline: (live) => {
      if (!mine(live.channel)) return;
      goLive(live.playlistUrl);
      facts.online(live);
    },
    onOffline: (offline) => {
      if (mine(offline.channel)) goOffline(true);
    },
    onViewers: (counts) => facts.viewers(counts),
  });
}

// Times written in UTC by the server, shown in the viewer's own time zone.
for (const time of document.querySelectorAll('time[data-local][datetime]')) {
  const at = new Date(time.getAttribute('datetime'));
  if (!Number.isNaN(at.getTime())) {
    time.textContent = at.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }
}
