// The pipeline's shape is a rule, not a hope: analysis stays pure (a function of the run record),
// so it can be re-run from a saved run.json anywhere; the worker side never pulls in the runner side
// or runner-only heavyweights. The import table lives in docs/architecture.md and is read from there,
// so the document and the check cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|cjs)$/.test(p) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const pattern =
    /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const m of src.matchAll(pattern)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

/** The source file a relative import names (`./x` → x.ts or x/index.ts), if it exists. */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
}

/** `src/analyze/run/x.ts` → `analyze/run`; `src/store/x.ts` → `store`; `src/index.ts` → `index`. */
function unitOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  if (parts.length === 1) return 'index';
  if (parts[0] === 'analyze' && parts.length > 2) return `analyze/${parts[1]}`;
  return parts[0];
}

function allowedTable(): Map<string, string[]> {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const table = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const row = /^\|\s*`src\/([a-z/-]+)`\s*\|\s*[a-z]+\s*\|(.*)\|\s*$/.exec(line);
    if (row)
      table.set(
        row[1],
        [...row[2].matchAll(/`([a-z/-]+)`/g)].map((m) => m[1]),
      );
  }
  return table;
}

test('docs/architecture.md has an import rule for every top-level folder and analyze/ subfolder', () => {
  const table = allowedTable();
  assert.ok(table.size >= 10, `parsed only ${table.size} rows from docs/architecture.md`);
  const units = [...new Set(files(SRC).map(unitOf))].filter((u) => u !== 'index' && u !== 'analyze');
  assert.deepEqual(
    units.filter((u) => !table.has(u)),
    [],
  );
  const looseInAnalyze = readdirSync(join(SRC, 'analyze')).filter(
    (n) => !statSync(join(SRC, 'analyze', n)).isDirectory(),
  );
  assert.deepEqual(looseInAnalyze, [], 'files under src/analyze/ belong in a subfolder');
});

test('every relative import crosses folders only as docs/architecture.md allows', () => {
  const table = allowedTable();
  const offenders: string[] = [];
  for (const f of files(SRC)) {
    const from = unitOf(f);
    if (from === 'index') continue; // the public API re-exports from everywhere
    const allowed = table.get(from) ?? [];
    for (const spec of imports(f).filter((s) => s.startsWith('.'))) {
      const target = resolveRelative(f, spec);
      if (!target) continue; // the compiler reports missing files
      const to = unitOf(target);
      if (to === from) continue;
      const ok = allowed.includes(to) || (to.startsWith('analyze/') && allowed.includes('analyze'));
      if (!ok) offenders.push(`${relative(SRC, f)} (${from}) imports ${spec} (${to})`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('src/analyze is pure: nothing it reaches imports fs, processes, network, browsers or reads process.env', () => {
  const forbidden = new RegExp(
    '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads)$|' +
      '^(lowdb|ts-morph|lighthouse|chrome-launcher|playwright-core|@playwright/test|proper-lockfile)(/|$)',
  );
  // String literals may mention process.env (recommendations print `!process.env.CI`); code may not.
  const code = (src: string) =>
    src.replace(/\/\/.*$/gm, '').replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
  const offenders: string[] = [];
  const seen = new Set<string>();
  const queue = files(join(SRC, 'analyze'));
  while (queue.length) {
    const f = queue.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (/\bprocess\.env\b/.test(code(readFileSync(f, 'utf8')))) offenders.push(`${relative(SRC, f)} reads process.env`);
    for (const spec of imports(f)) {
      if (forbidden.test(spec)) offenders.push(`${relative(SRC, f)} imports ${spec}`);
      const target = spec.startsWith('.') ? resolveRelative(f, spec) : undefined;
      if (target) queue.push(target);
    }
  }
  assert.ok(seen.size > 30, `walked only ${seen.size} files`);
  assert.deepEqual(offenders, []);
});

test('the worker side (fixtures, collectors) never imports lowdb, ts-morph or diff', () => {
  const offenders: string[] = [];
  for (const f of [...files(join(SRC, 'fixtures')), ...files(join(SRC, 'collectors'))]) {
    for (const spec of imports(f)) {
      if (/^(lowdb|ts-morph|diff)(\/|$)/.test(spec)) offenders.push(`${relative(SRC, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('no source file grows past 400 lines', () => {
  const long = files(SRC)
    .map((f) => ({ f: relative(SRC, f), n: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 400);
  assert.deepEqual(long, []);
});

test('ESM-only dependencies are loaded lazily (await import), never at module load', () => {
  const offenders: string[] = [];
  for (const f of files(SRC)) {
    const src = readFileSync(f, 'utf8');
    for (const dep of ['lowdb', 'lighthouse']) {
      const staticImport = new RegExp(`^import\\s+(?!type\\b)[^;]*from\\s+['"]${dep}(/[^'"]*)?['"]`, 'm');
      if (staticImport.test(src)) offenders.push(`${relative(SRC, f)} imports ${dep} statically`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('browser code (src/**/client) imports only browser code, the view-model contract, types; no module state', () => {
  const clientFiles = files(SRC).filter((f) => relative(SRC, f).split(/[\\/]/).includes('client'));
  assert.ok(clientFiles.length > 10, 'the report page is TypeScript under src/report/client');
  // Shared with the server side: pure modules with no imports of their own but types.
  const shared = /^(report\/html\/(view-model-types|row-codec)|types(\/|$))/;
  const escapeRegExp = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const offenders: string[] = [];
  for (const f of clientFiles) {
    const name = relative(SRC, f);
    const src = readFileSync(f, 'utf8');
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) {
        offenders.push(`${name} imports package ${spec}`);
        continue;
      }
      const target = relative(SRC, join(f, '..', spec)).replace(/\\/g, '/');
      const typeOnly = new RegExp(`import\\s+type\\s[^;]*['"]${escapeRegExp(spec)}['"]`).test(src);
      if (!/(^|\/)client(\/|$)/.test(target) && !shared.test(target)) offenders.push(`${name} imports ${spec}`);
      if (/^types(\/|$)/.test(target) && !typeOnly) offenders.push(`${name} imports ${spec} for values (types only)`);
    }
    // Page state lives in the context main.ts creates, never in module-level variables.
    for (const m of src.matchAll(/^(?:export\s+)?(let|var)\s+(\w+)/gm)) {
      offenders.push(`${name}: module-level ${m[1]} ${m[2]}`);
    }
    if (/\bwindow\.\w+\s*=(?!=)/.test(src)) offenders.push(`${name} assigns a window global`);
  }
  for (const f of ['report/html/view-model-types.ts', 'report/html/row-codec.ts']) {
    for (const spec of imports(join(SRC, f))) {
      if (!spec.startsWith('.')) offenders.push(`${f} (bundled into the page) imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
