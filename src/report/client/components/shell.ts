// The frame of a page: a sticky header (brand, a subtitle, the views' tab bar, the theme toggle)
// and the <main> element views render into.
import { h } from './dom';
import { tabBar, type View } from './router';
import { themeToggle } from './theme';

export interface ShellOptions<C> {
  /** Element the shell replaces the content of (e.g. #app). */
  app: HTMLElement;
  brand: string;
  /** Small text after the brand (run date, counts…). */
  sub?: string;
  views: ReadonlyArray<View<C>>;
  /** localStorage key that remembers the theme for this kind of page. */
  themeKey: string;
}

export function pageShell<C>(o: ShellOptions<C>): { nav: HTMLElement; main: HTMLElement } {
  const nav = tabBar(o.views);
  const main = h('main', { id: 'main' });
  const brand = h('div', { class: 'brand' }, o.brand, o.sub ? h('span', { class: 'sub' }, ' ' + o.sub) : null);
  o.app.replaceChildren(h('header', { class: 'top' }, brand, nav, themeToggle(o.themeKey)), main);
  return { nav, main };
}
