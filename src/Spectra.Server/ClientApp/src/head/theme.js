// Runs in <head> before the first paint: applies the theme the viewer chose ("light" or "dark"; none
// follows the system's prefers-color-scheme) and marks the page as scripted, so menus that script
// opens start closed instead of flashing open.
const root = document.documentElement;
root.classList.add('js');
try {
  const theme = localStorage.getItem('spectra-theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
} catch {
  // Storage refused (private mode, blocked cookies): the system theme applies.
}
