// Community behaviour on every page: search suggestions, live notifications, watch heartbeats.
// Pages work without this script; it only adds live behaviour.

const SUGGEST_DELAY_MS = 150;
const HEARTBEAT_MS = 30_000;
const RECONNECT_MAX_MS = 30_000;

function setupSuggestions() {
  const list = document.getElementById('community-suggestions');
  if (!list) return;
  for (const input of document.querySelectorAll('form[role="search"] input[name="q"]')) {
    input.setAttribute('list', list.id);
    let timer = 0;
    let controller = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(async () => {
        controller?.abort();
        controller = new AbortController();
        try {
          const response = await fetch(`${list.dataset.suggest}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
          if (!response.ok) return;
          const results = await response.json();
          list.replaceChildren(...results.map((r) => {
            const option = document.createElement('option');
            option.value = r.name;
            option.label = r.isLive ? `${r.title} · live` : r.title;
            return option;
          }));
        } catch (e) {
          if (e.name !== 'AbortError') console.warn('suggestions failed', e);
        }
      }, SUGGEST_DELAY_MS);
    });
    // Picking a suggestion (a channel name) goes straight to the channel.
    input.addEventListener('change', () => {
      const picked = [...list.options].find((o) => o.value === input.value);
      if (picked) window.location.href = `/${encodeURIComponent(picked.value)}`;
    });
  }
}

function toast(text, url) {
  const host = document.querySelector('.community-toasts');
  if (!host) return;
  const item = document.createElement(url ? 'a' : 'div');
  item.className = 'community-toast';
  item.textContent = text;
  if (url) item.href = url;
  host.append(item);
  setTimeout(() => item.remove(), 10_000);
}

function setupNotifications() {
  const bell = document.querySelector('[data-notifications]');
  if (!bell) return;
  const badge = bell.querySelector('[data-unread]');
  let unread = Number(badge?.dataset.unread ?? 0);
  const render = () => { if (badge) badge.textContent = unread > 0 ? String(unread) : ''; };
  let delay = 1000;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}${bell.dataset.notifications}`);
    socket.onopen = () => { delay = 1000; };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'hello') { unread = message.unread; render(); }
      if (message.type === 'notification') {
        unread += 1;
        render();
        toast(message.notification.text, message.notification.url);
      }
    };
    socket.onclose = () => {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };
  };
  connect();
}

function setupHeartbeat() {
  const section = document.querySelector('[data-watch-channel]');
  if (!section) return;
  const url = `/api/v1/channels/${encodeURIComponent(section.dataset.watchChannel)}/watch`;
  // Cookie-authenticated API writes carry the antiforgery token from the layout's meta tag.
  const token = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
  const beat = () => {
    if (document.visibilityState !== 'visible') return;
    fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': token } }).catch(() => {});
  };
  beat();
  setInterval(beat, HEARTBEAT_MS);
}

setupSuggestions();
setupNotifications();
setupHeartbeat();
