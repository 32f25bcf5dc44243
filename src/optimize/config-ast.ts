// Low-level pieces of the config rewriter: edit paths, value rendering, finding properties in an
// object literal, and minimal text splices that keep the comments and formatting around them.
import { Node, SyntaxKind, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { ConfigEdit } from '../types';
import { Refusal } from './config-source';

export interface Token {
  key: string;
  index?: string;
}
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function parsePath(path: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < path.length) {
    const m = /^[A-Za-z_$][\w$]*/.exec(path.slice(i));
    if (!m) throw new Refusal(`bad config path "${path}"`);
    const tok: Token = { key: m[0] };
    i += m[0].length;
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new Refusal(`bad config path "${path}"`);
      tok.index = path.slice(i + 1, close);
      i = close + 1;
    }
    out.push(tok);
    if (path[i] === '.') i++;
    else if (i < path.length) throw new Refusal(`bad config path "${path}"`);
  }
  if (!out.length) throw new Refusal('empty config path');
  return out;
}

export function quoteOf(sf: SourceFile): string {
  let single = 0,
    double = 0;
  for (const s of sf.getDescendantsOfKind(SyntaxKind.StringLiteral)) s.getText().startsWith('"') ? double++ : single++;
  return double > single ? '"' : "'";
}

export function renderValue(edit: ConfigEdit, quote: string): string {
  if (edit.toExpression) return edit.toExpression;
  const v = edit.to;
  if (typeof v === 'string')
    return quote + v.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote) + quote;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'undefined';
  return JSON.stringify(v);
}

export const renderKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);

export function propName(p: Node): string | undefined {
  if (
    Node.isPropertyAssignment(p) ||
    Node.isMethodDeclaration(p) ||
    Node.isGetAccessorDeclaration(p) ||
    Node.isSetAccessorDeclaration(p)
  ) {
    const n = p.getNameNode();
    if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralText();
    if (Node.isIdentifier(n)) return n.getText();
    return undefined;
  }
  if (Node.isShorthandPropertyAssignment(p)) return p.getName();
  return undefined;
}

export function findProp(obj: ObjectLiteralExpression, key: string): Node | undefined {
  const props = obj.getProperties().filter((p) => propName(p) === key);
  return props[props.length - 1];
}

export function refuseIfSpreadAfter(obj: ObjectLiteralExpression, prop: Node, key: string): void {
  const props = obj.getProperties();
  const after = props.slice(props.indexOf(prop as never) + 1).find((p) => Node.isSpreadAssignment(p));
  if (after) throw new Refusal(`\`${after.getText().slice(0, 40)}\` comes after \`${key}\` and may override it`);
}

/** Position just after the property's trailing comma (if any) and its trailing comment on the same line. */
export function scanAfter(text: string, pos: number): { comma: number | null; lineEnd: number } {
  let i = pos,
    comma: number | null = null;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === ',' && comma === null) {
      comma = i;
      i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) break;
      i = e + 2;
      continue;
    }
    if (text.startsWith('//', i)) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? text.length : e;
      break;
    }
    break;
  }
  // lineEnd: end of the line where we stopped if only trivia follows, else where we stopped.
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  return { comma, lineEnd: text[j] === '\n' || j >= text.length ? i : -1 };
}

export function insertProp(obj: ObjectLiteralExpression, key: string, value: string): Splice[] {
  const sf = obj.getSourceFile();
  const text = sf.getFullText();
  const props = obj.getProperties();
  const entry = `${renderKey(key)}: ${value}`;
  if (props.length === 0) return [{ start: obj.getStart(), end: obj.getEnd(), text: `{ ${entry} }` }];
  const last = props[props.length - 1];
  const { comma, lineEnd } = scanAfter(text, last.getEnd());
  const multiline = text.slice(obj.getStart(), props[0].getStart()).includes('\n') && lineEnd >= 0;
  if (!multiline) {
    if (comma !== null) return [{ start: comma + 1, end: comma + 1, text: ` ${entry},` }];
    return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${entry}` }];
  }
  const lineStart = text.lastIndexOf('\n', last.getStart() - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = lineEnd;
  if (comma !== null) return [{ start: at, end: at, text: `${eol}${indent}${entry},` }];
  return [
    { start: at, end: at, text: `${eol}${indent}${entry}` },
    { start: last.getEnd(), end: last.getEnd(), text: ',' },
  ];
}

export function nested(tokens: Token[], value: string): string {
  if (tokens.some((t) => t.index !== undefined)) throw new Refusal('the project to edit is not in the config');
  return tokens.slice(1).reduceRight((acc, t) => `{ ${renderKey(t.key)}: ${acc} }`, value);
}

export function spreadable(e: Expression): string {
  const t = e.getText();
  return Node.isIdentifier(e) ||
    Node.isPropertyAccessExpression(e) ||
    Node.isElementAccessExpression(e) ||
    Node.isCallExpression(e)
    ? t
    : `(${t})`;
}

export function literalText(expr: Expression): string {
  let e = expr;
  while (Node.isAsExpression(e) || Node.isParenthesizedExpression(e) || Node.isSatisfiesExpression(e))
    e = e.getExpression();
  return Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e) ? e.getLiteralText() : e.getText();
}

export function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
