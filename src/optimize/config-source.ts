// Finds the config object literal(s) in a playwright.config source with ts-morph: the object that
// `export default`, `export =` or `module.exports =` ends up exporting, through defineConfig(...),
// variables, `as`/`satisfies`, local factory functions and `process.env.CI ? a : b`.
// Anything it cannot follow safely becomes a refusal with a reason — never a guess.
import { Node, Project, SyntaxKind, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';

export type EnvMode = 'ci' | 'local';

export class Refusal extends Error {}

const MAX_DEPTH = 8;

let shared: Project | undefined;
let parsed = 0;
/** Files per shared project before a fresh one is started (older source files stay valid). */
const FILES_PER_PROJECT = 64;

/** Parses into a shared in-memory project (creating a Project per parse costs more than the parse). */
export function parseConfigSource(text: string, fileName: string): SourceFile {
  if (!shared || parsed % FILES_PER_PROJECT === 0)
    shared = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { allowJs: true },
      skipAddingFilesFromTsConfig: true,
    });
  const base = fileName.replace(/^.*[\\/]/, '');
  // A unique name per parse: earlier SourceFiles may still be in use by the caller.
  return shared.createSourceFile(`/${parsed++}/${base}`, text, { overwrite: true });
}

/** Syntax errors as "line:col message" (parse diagnostics only: fast, no type checking). */
export function syntaxErrors(sf: SourceFile): string[] {
  const diags =
    (sf.compilerNode as unknown as { parseDiagnostics?: Array<{ start?: number; messageText: unknown }> })
      .parseDiagnostics ?? [];
  return diags.map((d) => {
    const pos = sf.getLineAndColumnAtPos(d.start ?? 0);
    const msg =
      typeof d.messageText === 'string'
        ? d.messageText
        : ((d.messageText as { messageText?: string }).messageText ?? 'syntax error');
    return `${pos.line}:${pos.column} ${msg}`;
  });
}

/** The expression the module exports as its config. */
export function exportedExpression(sf: SourceFile): Expression {
  let found: Expression | undefined;
  for (const st of sf.getStatements()) {
    if (Node.isExportAssignment(st)) found = st.getExpression();
    if (Node.isExpressionStatement(st)) {
      const e = st.getExpression();
      if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
        const left = e.getLeft().getText().replace(/\s+/g, '');
        if (left === 'module.exports' || left === 'exports.default' || left === 'module.exports.default')
          found = e.getRight();
      }
    }
  }
  if (!found) {
    const named = sf.getStatements().find((s) => Node.isFunctionDeclaration(s) && s.isDefaultExport());
    if (named) throw new Refusal('the default export is a function; Playwright expects a config object');
    throw new Refusal('no `export default`, `export =` or `module.exports =` found');
  }
  return found;
}

/** Which branch of `cond ? a : b` applies, when cond is a recognisable CI check. */
export function ciBranch(cond: Expression, env: EnvMode): 'whenTrue' | 'whenFalse' | null {
  const t = cond
    .getText()
    .replace(/\s+/g, '')
    .replace(/\["CI"\]|\['CI'\]/g, '.CI');
  const positive = [
    'process.env.CI',
    '!!process.env.CI',
    'Boolean(process.env.CI)',
    "process.env.CI==='true'",
    'process.env.CI==="true"',
    "process.env.CI=='true'",
  ];
  const negative = ['!process.env.CI', "process.env.CI!=='true'", 'process.env.CI!=="true"'];
  if (positive.includes(t)) return env === 'ci' ? 'whenTrue' : 'whenFalse';
  if (negative.includes(t)) return env === 'ci' ? 'whenFalse' : 'whenTrue';
  return null;
}

function unwrap(e: Expression): Expression {
  let cur: Expression = e;
  for (;;) {
    if (
      Node.isParenthesizedExpression(cur) ||
      Node.isAsExpression(cur) ||
      Node.isSatisfiesExpression(cur) ||
      Node.isNonNullExpression(cur) ||
      Node.isTypeAssertion(cur)
    )
      cur = cur.getExpression();
    else return cur;
  }
}

/** A local `const x = …` initializer, refusing when x is imported or reassigned. */
export function localInitializer(id: Node, what: string): Expression {
  const name = id.getText();
  const sf = id.getSourceFile();
  const decl = sf.getVariableDeclaration(name);
  if (!decl) {
    const imported = sf
      .getImportDeclarations()
      .some(
        (d) =>
          d.getDefaultImport()?.getText() === name ||
          d.getNamedImports().some((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name),
      );
    throw new Refusal(
      imported
        ? `${what} \`${name}\` is imported from another file; edit that file instead`
        : `cannot find where ${what} \`${name}\` is defined`,
    );
  }
  const init = decl.getInitializer();
  if (!init) throw new Refusal(`${what} \`${name}\` has no initializer`);
  const reassigned = sf.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((b) => {
    if (b.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return false;
    const left = b.getLeft().getText();
    return left === name || left.startsWith(name + '.') || left.startsWith(name + '[');
  });
  if (reassigned) throw new Refusal(`${what} \`${name}\` is changed after it is created; edit it by hand`);
  return init;
}

function returnedExpression(fnNode: Node, label: string): Expression {
  if (Node.isArrowFunction(fnNode)) {
    const body = fnNode.getBody();
    if (Node.isExpression(body)) return body as Expression;
  }
  if (Node.isArrowFunction(fnNode) || Node.isFunctionDeclaration(fnNode) || Node.isFunctionExpression(fnNode)) {
    const returns = fnNode
      .getDescendantsOfKind(SyntaxKind.ReturnStatement)
      .filter((r) => r.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a)) === fnNode);
    if (returns.length === 1 && returns[0].getExpression()) return returns[0].getExpression()!;
    throw new Refusal(`${label} returns the config from ${returns.length} places; edit it by hand`);
  }
  throw new Refusal(`${label} is not a function this tool can follow`);
}

/** Resolves an expression to the object literal that holds the config (the last override wins). */
export function resolveObject(expr: Expression, env: EnvMode, what = 'the config', depth = 0): ObjectLiteralExpression {
  if (depth > MAX_DEPTH) throw new Refusal(`${what} is built through too many indirections`);
  const e = unwrap(expr);
  if (Node.isObjectLiteralExpression(e)) return e;
  if (Node.isConditionalExpression(e)) {
    const branch = ciBranch(e.getCondition(), env);
    if (!branch)
      throw new Refusal(
        `${what} depends on \`${e.getCondition().getText()}\`, which is not a CI check this tool understands`,
      );
    return resolveObject(branch === 'whenTrue' ? e.getWhenTrue() : e.getWhenFalse(), env, what, depth + 1);
  }
  if (Node.isIdentifier(e)) return resolveObject(localInitializer(e, 'the config variable'), env, what, depth + 1);
  if (Node.isCallExpression(e)) {
    const callee = e.getExpression();
    const calleeName = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const args = e.getArguments();
    if (calleeName === 'defineConfig') {
      if (args.length === 0) throw new Refusal('defineConfig() has no argument');
      const last = unwrap(args[args.length - 1] as Expression);
      if (Node.isArrowFunction(last) || Node.isFunctionExpression(last))
        throw new Refusal('defineConfig is given a function; Playwright expects a config object');
      // defineConfig(base, overrides): later arguments override earlier ones, so edit the last.
      return resolveObject(last, env, what, depth + 1);
    }
    if (Node.isIdentifier(callee)) {
      const sf = e.getSourceFile();
      const fn = sf.getFunction(callee.getText());
      if (fn) return resolveObject(returnedExpression(fn, `function ${callee.getText()}()`), env, what, depth + 1);
      const v = sf.getVariableDeclaration(callee.getText())?.getInitializer();
      if (v && (Node.isArrowFunction(v) || Node.isFunctionExpression(v)))
        return resolveObject(returnedExpression(v, `function ${callee.getText()}()`), env, what, depth + 1);
    }
    throw new Refusal(`${what} is the result of \`${callee.getText()}(…)\`, which this tool cannot follow`);
  }
  if (Node.isArrowFunction(e) || Node.isFunctionExpression(e))
    throw new Refusal(`${what} is a function; Playwright expects a config object`);
  throw new Refusal(`${what} is not an object (${e.getKindName()}: \`${e.getText().slice(0, 40)}\`)`);
}
