// Safe DOM building for every page we ship. Text from a test run is only ever placed with
// text nodes or setAttribute on an allow-listed attribute — never innerHTML — so it cannot become
// markup; links go to internal routes (or, via fileLink, to percent-encoded file:/// paths).
import { routeHref, type RouteParts } from './route';

export type Child = Node | string | number | null | undefined | false;
export type Children = Array<Child | Children>;

type Listener = (event: never) => void;

/** Props of h()/s(). `on` adds listeners, `css` sets style properties through the CSSOM (allowed
 *  by a hash-pinned CSP, unlike style attributes), `href` is an internal route. */
export interface Props {
  on?: { [event: string]: Listener };
  css?: Record<string, string | number>;
  href?: RouteParts;
  [attribute: string]: string | number | boolean | null | undefined | RouteParts | Props['on'] | Props['css'];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Attributes the helpers may set: anything else (on*, src, style, srcdoc…) is refused. */
const SAFE_ATTR = new RegExp(
  '^(class|id|title|dir|lang|role|tabindex|type|value|placeholder|for|colspan|rowspan|open|' +
    'checked|selected|disabled|x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height|viewBox|d|points|fill|stroke|stroke-width|' +
    'stroke-dasharray|opacity|text-anchor|dominant-baseline|transform|preserveAspectRatio|font-size|' +
    'name|min|max|step|' +
    'aria-[a-z]+|data-[a-z-]+)$',
);

/** An HTML element with safe props and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Children
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

/** An SVG element with safe props and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Children
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

export function isAllowedAttribute(name: string): boolean {
  return SAFE_ATTR.test(name);
}

function applyProps(el: Element, props: Props | null | undefined): void {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v as NonNullable<Props['on']>))
        el.addEventListener(ev, fn as EventListener);
    } else if (k === 'css') {
      for (const [p, val] of Object.entries(v as NonNullable<Props['css']>))
        (el as HTMLElement | SVGElement).style.setProperty(p, String(val));
    } else if (k === 'href') {
      el.setAttribute('href', routeHref(v as RouteParts)); // internal routes only
    } else {
      if (!SAFE_ATTR.test(k)) throw new Error('attribute not allowed: ' + k);
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

export function append(el: Node, children: Children): void {
  for (const c of children.flat(8) as Child[]) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** A text run laid out by its own first strong character (Hebrew titles read RTL). */
export function bidi(text: string, cls?: string): HTMLElement {
  return h('bdi', { dir: 'auto', class: cls }, text);
}

/**
 * A link to a file on this machine (e.g. a saved Lighthouse report). Only absolute paths become
 * links, and every path segment is percent-encoded, so the href is always `file:///…` with no
 * characters that could change its scheme or break out of the attribute. Anything else is text.
 */
export function fileLink(path: unknown, label: string): HTMLElement | null {
  if (typeof path !== 'string') return null;
  const win = /^[A-Za-z]:[\\/]/.test(path);
  if (!win && !path.startsWith('/')) return h('code', null, path);
  const encode = (x: string) =>
    encodeURIComponent(x).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const segments = (win ? path.slice(3) : path.slice(1)).split(/[\\/]/).map(encode);
  const a = h('a', { class: 'file-link', title: path }, label);
  a.setAttribute('href', 'file:///' + (win ? path.slice(0, 2) + '/' : '') + segments.join('/'));
  return a;
}
