// Tabs (WAI-ARIA tabs pattern): [role=tablist] > [role=tab][aria-controls]; arrows, Home and End move
// between tabs; a tab shows its panel and hides the others.
export function setupTabs(scope = document) {
  for (const list of scope.querySelectorAll('[role="tablist"]')) {
    if (list.dataset.tabsReady) continue;
    list.dataset.tabsReady = 'true';
    const tabs = () => [...list.querySelectorAll('[role="tab"]')].filter((t) => !t.hidden);
    const select = (tab, focus) => {
      for (const t of list.querySelectorAll('[role="tab"]')) {
        const selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        t.tabIndex = selected ? 0 : -1;
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        if (panel) panel.hidden = !selected;
      }
      if (focus) tab.focus();
      list.dispatchEvent(new CustomEvent('spectra:tab', { detail: tab, bubbles: true }));
    };
    list.addEventListener('click', (event) => {
      const tab = event.target.closest('[role="tab"]');
      if (tab && list.contains(tab)) select(tab, false);
    });
    list.addEventListener('keydown', (event) => {
      const all = tabs();
      const index = all.indexOf(document.activeElement);
      if (index < 0) return;
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select(all[(moves[event.key] + all.length) % all.length], true);
    });
    const initial = list.querySelector('[role="tab"][aria-selected="true"]') || tabs()[0];
    if (initial) select(initial, false);
  }
}
