// Behaviour every page shares: the theme switch, disclosure menus (site menu, account menu) and tabs.
// Pages work without it: menus are then shown open, tabs show every panel.
import { setupTabs } from './ui/tabs.js';

const THEME_KEY = 'spectra-theme';
const root = document.documentElement;

function currentTheme() {
  return root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function labelThemeButtons() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  for (const button of document.querySelectorAll('[data-action="toggle-theme"]')) {
    button.setAttribute('aria-label', `Switch to ${next} theme`);
    button.title = `Switch to ${next} theme`;
  }
}

function setupTheme() {
  labelThemeButtons();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', labelThemeButtons);
  document.addEventListener('click', (event) => {
    if (!event.target.closest('[data-action="toggle-theme"]')) return;
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered; applies to this page only.
    }
    labelThemeButtons();
    document.dispatchEvent(new CustomEvent('spectra:theme', { detail: next }));
  });
}

// A button with data-disclosure and aria-controls opens and closes the element it controls (class
// "open"). Escape or a click elsewhere closes it; focus returns to the button on Escape.
function setupDisclosures() {
  const buttons = [...document.querySelectorAll('[data-disclosure][aria-controls]')];
  const target = (button) => document.getElementById(button.getAttribute('aria-controls'));
  const set = (button, open) => {
    button.setAttribute('aria-expanded', String(open));
    target(button)?.classList.toggle('open', open);
  };
  for (const button of buttons) {
    button.addEventListener('click', () => set(button, button.getAttribute('aria-expanded') !== 'true'));
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const button of buttons) {
      if (button.getAttribute('aria-expanded') === 'true' && target(button)?.contains(document.activeElement)) button.focus();
      if (button.getAttribute('aria-expanded') === 'true') set(button, false);
    }
  });
  document.addEventListener('click', (event) => {
    for (const button of buttons) {
      if (button.getAttribute('aria-expanded') !== 'true') continue;
      if (button.contains(event.target) || target(button)?.contains(event.target)) continue;
      // The site menu is a panel, not a pop-up: it stays open while the page is used below it.
      if (button.classList.contains('site-menu-button')) continue;
      set(button, false);
    }
  });
}

// Creator studio on phones: its navigation is one scrolling row; bring the current page's entry into view.
function revealStudioPage() {
  const nav = document.querySelector('.studio-nav ul');
  const current = nav?.querySelector('[aria-current="page"]');
  if (!current || nav.scrollWidth <= nav.clientWidth) return;
  nav.scrollLeft = current.offsetLeft - nav.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
}

// A table wider than the screen scrolls inside itself (components.css); make such a table focusable so
// keyboard users can scroll it too.
function setupScrollableTables() {
  const update = () => {
    for (const table of document.querySelectorAll('main table')) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.tabIndex = 0;
      } else if (table.tabIndex === 0) {
        table.removeAttribute('tabindex');
      }
    }
  };
  update();
  let timer = 0;
  addEventListener('resize', () => { clearTimeout(timer); timer = setTimeout(update, 150); });
}

setupTheme();
setupScrollableTables();
setupDisclosures();
setupTabs();
revealStudioPage();
