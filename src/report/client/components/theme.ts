// Light/dark theme: follows the system until the user picks one, which is remembered (when the
// page may use localStorage; on file:// it may not, and the choice then lasts for the page).
import { h } from './dom';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function applyTheme(theme: string | null): void {
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
  else document.documentElement.removeAttribute('data-theme');
}

export function toggleTheme(key: string): void {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const cur = document.documentElement.getAttribute('data-theme') || (dark ? 'dark' : 'light');
  const next = cur === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  try {
    localStorage.setItem(key, next);
  } catch {
    /* storage off: the theme lasts for this page */
  }
}

/** Applies the remembered theme and returns the toggle button. `key` names the page's storage. */
export function themeToggle(key: string): HTMLButtonElement {
  applyTheme(stored(key));
  return h(
    'button',
    { type: 'button', class: 'theme-toggle', 'aria-label': 'toggle dark mode', on: { click: () => toggleTheme(key) } },
    '◐',
  );
}
