// Community behaviour on every page: search suggestions, live notifications, watch heartbeats.
// Pages work without this script; it only adds live behaviour.

const SUGGEST_DELAY_MS = 150;
const HEARTBEAT_MS = 30_000;
const RECONNECT_MAX_MS = 30_000;

// The suggestion list is our own listbox (ARIA combobox pattern) rather than a <datalist>: browsers
// filter datalist options by the typed text, which would hide the typo-tolerant matches.
let suggestionLists = 0;

function setupSuggestions() {
  const source = document.getElementById('community-suggestions');
  if (!source) return;
  for (const input of document.querySelectorAll('form[role="search"] input[name="q"]')) {
    attachSuggestions(input, source.dataset.suggest);
  }
}

function attachSuggestions(input, suggestUrl) {
  const list = document.createElement('ul');
  list.id = `community-suggestions-${++suggestionLists}`;
  list.className = 'community-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Channel suggestions');
  list.hidden = true;
  input.form.classList.add('community-suggest-host');
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let timer = 0;
  let controller = null;
  let active = -1;
  const options = () => [...list.children];
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (index) => {
    const items = options();
    active = items.length === 0 ? -1 : (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', items[active].id);
  };
  const open = (item) => { window.location.href = `/${encodeURIComponent(item.dataset.channel)}`; };
  // data-query: the text the shown suggestions answer (typing fast leaves earlier answers in flight).
  const render = (results, q) => {
    list.dataset.query = q;
    list.replaceChildren(...results.map((r, i) => {
      const item = document.createElement('li');
      item.id = `${list.id}-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.dataset.channel = r.name;
      const name = document.createElement('strong');
      name.textContent = r.name;
      item.append(name);
      if (r.isLive) {
        item.dataset.live = 'true';
        const live = document.createElement('span');
        live.className = 'community-live';
        live.textContent = 'LIVE';
        item.append(live);
      }
      if (r.title) {
        const title = document.createElement('span');
        title.className = 'community-muted';
        title.textContent = ` ${r.title}`;
        item.append(title);
      }
      return item;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { controller?.abort(); render([], q); return; }
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${suggestUrl}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (response.ok) render(await response.json(), q);
      } catch (e) {
        if (e.name !== 'AbortError') console.warn('suggestions failed', e);
      }
    }, SUGGEST_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active < 0 && event.key === 'ArrowUp' ? -1 : active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      // A highlighted suggestion opens its channel; otherwise Enter submits the search form.
      event.preventDefault();
      open(options()[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  // mousedown keeps the focus in the box so the blur below does not close the list before the click.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const item = event.target.closest('[role="option"]');
    if (item) open(item);
  });
  input.addEventListener('blur', close);
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

// Follow, notification and block buttons post their form in the background and swap in the
// section the server renders after the change (button state and follower count), without a reload.
function setupInlineForms() {
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-community-inline')) return;
    const section = form.closest('.community-follow');
    if (!section) return;
    event.preventDefault();
    if (section.getAttribute('aria-busy') === 'true') return; // one change at a time: no double follow
    const submitter = event.submitter;
    const action = submitter?.formAction || form.action;
    const body = new URLSearchParams(new FormData(form, submitter));
    section.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(action, { method: 'POST', body, credentials: 'same-origin' });
      if (response.ok && response.redirected && new URL(response.url).pathname !== window.location.pathname) {
        window.location.href = response.url; // e.g. signed out meanwhile: the sign-in page
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const updated = response.ok ? page.querySelector('.community-follow') : null;
      if (updated) {
        section.replaceWith(updated);
      } else {
        toast(page.querySelector('main p')?.textContent || 'That did not work, try again.');
        section.removeAttribute('aria-busy');
      }
    } catch {
      toast('That did not work, try again.');
      section.removeAttribute('aria-busy');
    }
  });
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
setupInlineForms();
setupNotifications();
setupHeartbeat();
