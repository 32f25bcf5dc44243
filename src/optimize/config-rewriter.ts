// Applies ConfigEdits to a playwright.config source. ts-morph finds the nodes; the change itself is
// a minimal text splice at those nodes, so comments, formatting and unrelated code stay as they were.
// After every edit the file is re-parsed; the result must parse and read back the new values, or
// nothing is changed. What cannot be done safely is refused with a reason.
import { Node, SyntaxKind, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { AppliedEdit, ConfigEdit, RefusedEdit, RewriteResult } from '../types';
import {
  ciBranch,
  exportedExpression,
  localInitializer,
  parseConfigSource,
  Refusal,
  resolveObject,
  syntaxErrors,
  type EnvMode,
} from './config-source';
import { unifiedDiff } from './diff';
import {
  applySplices,
  findProp,
  insertProp,
  literalText,
  nested,
  parsePath,
  propName,
  quoteOf,
  refuseIfSpreadAfter,
  renderKey,
  renderValue,
  scanAfter,
  spreadable,
  type Splice,
  type Token,
} from './config-ast';

export interface RewriteOptions {
  /** Which branch of `process.env.CI ? a : b` the measured run used. Default 'local'. */
  env?: EnvMode;
}

type Plan = { splices: Splice[]; action: AppliedEdit['action']; note?: string };

function resolveArray(e: Expression, env: EnvMode, depth = 0): Expression {
  let cur = e;
  while (Node.isParenthesizedExpression(cur) || Node.isAsExpression(cur) || Node.isSatisfiesExpression(cur))
    cur = cur.getExpression();
  if (Node.isArrayLiteralExpression(cur)) return cur;
  if (Node.isIdentifier(cur) && depth < 4)
    return resolveArray(localInitializer(cur, 'the projects list'), env, depth + 1);
  if (Node.isConditionalExpression(cur)) {
    const b = ciBranch(cur.getCondition(), env);
    if (b) return resolveArray(b === 'whenTrue' ? cur.getWhenTrue() : cur.getWhenFalse(), env, depth + 1);
  }
  throw new Refusal(`projects is built by \`${cur.getText().slice(0, 40)}\`, not a literal list`);
}

/** The `projects` list (literal, or a local variable / shorthand holding one); null when absent. */
function projectsArray(obj: ObjectLiteralExpression, env: EnvMode): Expression | null {
  const prop = findProp(obj, 'projects');
  if (!prop) return null;
  if (Node.isShorthandPropertyAssignment(prop))
    return resolveArray(localInitializer(prop.getNameNode(), 'the projects list'), env);
  if (!Node.isPropertyAssignment(prop)) return null;
  return resolveArray(prop.getInitializerOrThrow(), env);
}

function findProject(obj: ObjectLiteralExpression, name: string, env: EnvMode): ObjectLiteralExpression {
  const arr = projectsArray(obj, env);
  if (!arr) throw new Refusal(`no literal \`projects\` list holds project "${name}"`);
  if (!Node.isArrayLiteralExpression(arr)) throw new Refusal('projects is not a list');
  for (const el of arr.getElements()) {
    let o: Node = el;
    if (Node.isIdentifier(el)) {
      try {
        o = localInitializer(el, 'project');
      } catch {
        continue;
      }
    }
    if (!Node.isObjectLiteralExpression(o)) continue;
    const n = findProp(o, 'name');
    if (n && Node.isPropertyAssignment(n)) {
      const init = n.getInitializer();
      if (
        init &&
        (Node.isStringLiteral(init) || Node.isNoSubstitutionTemplateLiteral(init)) &&
        init.getLiteralText() === name
      )
        return o;
    }
  }
  throw new Refusal(`project "${name}" is not a literal entry of \`projects\` (built elsewhere or by a spread)`);
}

function planSet(obj: ObjectLiteralExpression, tokens: Token[], value: string, edit: ConfigEdit, env: EnvMode): Plan {
  const [head, ...rest] = tokens;
  if (head.index !== undefined) {
    if (head.key !== 'projects') throw new Refusal(`only projects[name] can be indexed (got ${head.key}[…])`);
    if (!rest.length) throw new Refusal('cannot replace a whole project');
    return planSet(findProject(obj, head.index, env), rest, value, edit, env);
  }
  const prop = findProp(obj, head.key);
  if (!prop) {
    if (!rest.length) return { splices: insertProp(obj, head.key, value), action: 'added' };
    // A spread before us may already hold `use` (shallow): build on top of it instead of replacing it.
    const spreads = obj.getProperties().filter((p) => Node.isSpreadAssignment(p));
    if (spreads.length > 1)
      throw new Refusal(
        `several spreads (${spreads.map((p) => p.getText().slice(0, 30)).join(', ')}) may hold \`${head.key}\`; edit it by hand`,
      );
    if (spreads.length === 1 && Node.isSpreadAssignment(spreads[0])) {
      const base = `${spreadable(spreads[0].getExpression())}.${head.key}`;
      return {
        splices: insertProp(obj, head.key, `{ ...${base}, ${renderKey(rest[0].key)}: ${nested(rest, value)} }`),
        action: 'added',
        note: `kept ${base} and overrode ${rest.map((t) => t.key).join('.')}`,
      };
    }
    return { splices: insertProp(obj, head.key, nested(tokens, value)), action: 'added' };
  }
  refuseIfSpreadAfter(obj, prop, head.key);
  if (Node.isMethodDeclaration(prop) || Node.isGetAccessorDeclaration(prop) || Node.isSetAccessorDeclaration(prop))
    throw new Refusal(`\`${head.key}\` is a method/accessor`);
  if (Node.isShorthandPropertyAssignment(prop)) {
    const v = rest.length ? `{ ...${head.key}, ${renderKey(rest[0].key)}: ${nested(rest, value)} }` : value;
    return { splices: [{ start: prop.getStart(), end: prop.getEnd(), text: `${head.key}: ${v}` }], action: 'replaced' };
  }
  if (!Node.isPropertyAssignment(prop)) throw new Refusal(`\`${head.key}\` is not a plain property`);
  let init = prop.getInitializerOrThrow();
  let note: string | undefined;
  if (!rest.length && init.getText() === value) return { splices: [], action: 'unchanged' };
  if (Node.isConditionalExpression(init)) {
    const b = ciBranch(init.getCondition(), env);
    if (!b)
      throw new Refusal(
        `\`${head.key}\` depends on \`${init.getCondition().getText()}\`, not a CI check this tool understands`,
      );
    init = b === 'whenTrue' ? init.getWhenTrue() : init.getWhenFalse();
    note = `edited the ${env === 'ci' ? 'CI' : 'local'} branch of \`${prop.getInitializerOrThrow().getText().slice(0, 60)}\``;
  }
  if (!rest.length) {
    const before = literalText(init);
    if (edit.from !== undefined && before !== String(edit.from))
      note = [note, `the file had ${init.getText()}, the measured run used ${JSON.stringify(edit.from)}`]
        .filter(Boolean)
        .join('; ');
    if (init.getText() === value) return { splices: [], action: 'unchanged', note };
    // A trailing comment stays where it is; say so, since it may describe the old value.
    const text = init.getSourceFile().getFullText();
    const eol = text.indexOf('\n', init.getEnd());
    const comment = /\/\/.*|\/\*.*?\*\//.exec(text.slice(init.getEnd(), eol < 0 ? undefined : eol))?.[0].trim();
    if (comment)
      note = [note, `the comment \`${comment.slice(0, 60)}\` on that line was kept; check it still holds`]
        .filter(Boolean)
        .join('; ');
    return { splices: [{ start: init.getStart(), end: init.getEnd(), text: value }], action: 'replaced', note };
  }
  if (Node.isObjectLiteralExpression(init)) {
    const r = planSet(init, rest, value, edit, env);
    return { ...r, note: [note, r.note].filter(Boolean).join('; ') || undefined };
  }
  // Not a literal object (a variable, devices['…'], a call): keep it and override on top of it.
  const wrapped = `{ ...${spreadable(init)}, ${renderKey(rest[0].key)}: ${nested(rest, value)} }`;
  return {
    splices: [{ start: init.getStart(), end: init.getEnd(), text: wrapped }],
    action: 'replaced',
    note: [note, `kept \`${init.getText().slice(0, 40)}\` as a spread and overrode ${rest.map((t) => t.key).join('.')}`]
      .filter(Boolean)
      .join('; '),
  };
}

/** Reads back the value text at a path (for verification); undefined when absent. */
function readPath(obj: ObjectLiteralExpression, tokens: Token[], env: EnvMode): string[] {
  const [head, ...rest] = tokens;
  if (head.index !== undefined) return readPath(findProject(obj, head.index, env), rest, env);
  const prop = findProp(obj, head.key);
  if (!prop || !Node.isPropertyAssignment(prop)) return [];
  const whole = prop.getInitializerOrThrow();
  let init = whole;
  if (Node.isConditionalExpression(init)) {
    const b = ciBranch(init.getCondition(), env);
    if (b) init = b === 'whenTrue' ? init.getWhenTrue() : init.getWhenFalse();
  }
  // A written conditional (toExpression) reads back whole; an edited branch reads back as the branch.
  if (!rest.length) return [whole.getText(), init.getText()];
  return Node.isObjectLiteralExpression(init) ? readPath(init, rest, env) : [];
}

function root(sf: SourceFile, env: EnvMode): ObjectLiteralExpression {
  return resolveObject(exportedExpression(sf), env);
}

/** Paths a project can set itself, overriding the top level: `use.*` (any depth) and `fullyParallel`. */
function overridable(tokens: Token[]): boolean {
  if (tokens.some((t) => t.index !== undefined)) return false;
  return (tokens[0].key === 'use' && tokens.length >= 2) || (tokens.length === 1 && tokens[0].key === 'fullyParallel');
}

const unquoted = (t: string) => (/^(['"`]).*\1$/s.test(t) ? t.slice(1, -1) : t);

/** Projects that set the edited path themselves to the value being replaced also get the new value. */
function projectOverrides(sf: SourceFile, edit: ConfigEdit, env: EnvMode): string[] {
  const tokens = parsePath(edit.path);
  if (!overridable(tokens)) return [];
  let arr: Expression | null;
  try {
    arr = projectsArray(root(sf, env), env);
  } catch {
    return [];
  }
  if (!arr || !Node.isArrayLiteralExpression(arr)) return [];
  const names: string[] = [];
  for (const el of arr.getElements()) {
    if (!Node.isObjectLiteralExpression(el)) continue;
    const name = findProp(el, 'name');
    if (!name || !Node.isPropertyAssignment(name)) continue;
    let value: string[];
    try {
      value = readPath(el, tokens, env);
    } catch {
      continue;
    }
    if (value.length && unquoted(value[value.length - 1]) === String(edit.from))
      names.push(literalText(name.getInitializerOrThrow()));
  }
  return names;
}

export function rewriteConfig(
  original: string,
  fileName: string,
  edits: ConfigEdit[],
  options: RewriteOptions = {},
): RewriteResult {
  const t0 = performance.now();
  const env = options.env ?? 'local';
  const result = (
    text: string,
    applied: AppliedEdit[],
    refused: RefusedEdit[],
    fileRefusal?: string,
  ): RewriteResult => ({
    file: fileName,
    text,
    original,
    applied,
    refused,
    ...(fileRefusal ? { fileRefusal } : {}),
    diff: text === original ? '' : unifiedDiff(fileName, original, text),
    durationMs: Math.round(performance.now() - t0),
  });
  let sf = parseConfigSource(original, fileName);
  const errs = syntaxErrors(sf);
  if (errs.length)
    return result(
      original,
      [],
      edits.map((edit) => ({ edit, reason: 'syntax error' })),
      `the file does not parse (${errs[0]}); fix it first`,
    );
  try {
    root(sf, env);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return result(
      original,
      [],
      edits.map((edit) => ({ edit, reason: e.message })),
      e.message,
    );
  }
  const quote = quoteOf(sf);
  let text = original;
  const applied: AppliedEdit[] = [];
  const refused: RefusedEdit[] = [];
  for (const edit of edits) {
    try {
      const value = renderValue(edit, quote);
      const extra = projectOverrides(sf, edit, env);
      const plan = planSet(root(sf, env), parsePath(edit.path), value, edit, env);
      let next = applySplices(text, plan.splices);
      let nextSf = parseConfigSource(next, fileName);
      for (const project of extra) {
        const p = planSet(root(nextSf, env), parsePath(`projects[${project}].${edit.path}`), value, edit, env);
        next = applySplices(next, p.splices);
        nextSf = parseConfigSource(next, fileName);
      }
      // Verify: still parses, and the value reads back at the path (and in the overriding projects).
      const bad = syntaxErrors(nextSf);
      if (bad.length) throw new Refusal(`the edit would not parse (${bad[0]})`);
      for (const path of [edit.path, ...extra.map((p) => `projects[${p}].${edit.path}`)]) {
        const back = readPath(root(nextSf, env), parsePath(path), env);
        if (!back.includes(value))
          throw new Refusal(`after the edit ${path} reads ${back[1] ?? 'nothing'}, not ${value}`);
      }
      const line = plan.splices.length
        ? nextSf.getLineAndColumnAtPos(Math.min(...plan.splices.map((s) => s.start))).line
        : undefined;
      const notes = [
        plan.note,
        extra.length ? `also set in project${extra.length > 1 ? 's' : ''} ${extra.join(', ')}, which overrode it` : '',
      ]
        .filter(Boolean)
        .join('; ');
      applied.push({ edit, action: plan.action, ...(line ? { line } : {}), ...(notes ? { note: notes } : {}) });
      text = next;
      sf = nextSf;
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      refused.push({ edit, reason: e.message });
    }
  }
  return result(text, applied, refused);
}
