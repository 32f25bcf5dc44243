// The pipeline's shape is a rule, not a hope: analysis stays pure (a function of the run record),
// so it can be re-run from a saved run.json anywhere, and the worker-side code never pulls in
// runner-only heavyweights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

test('src/analyze is pure: no fs, child processes, network, browsers, ts-morph or lowdb', () => {
  const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$|^(lowdb|ts-morph|lighthouse|chrome-launcher|playwright-core|@playwright\/test|proper-lockfile)(\/|$)/;
  const offenders: string[] = [];
  for (const f of files(join(SRC, 'analyze'))) {
    for (const spec of imports(f)) {
      if (forbidden.test(spec)) offenders.push(`${relative(SRC, f)} imports ${spec}`);
      // Relative imports must stay inside analyze/, types/ or util/ (pure helpers).
      if (spec.startsWith('.')) {
        const target = relative(SRC, join(f, '..', spec));
        if (!/^(analyze|types)(\/|$)/.test(target) && !/^util\/(errors|format)/.test(target)) offenders.push(`${relative(SRC, f)} imports ${spec} (${target})`);
      }
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
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const offenders: string[] = [];
  for (const f of clientFiles) {
    const name = relative(SRC, f);
    const src = readFileSync(f, 'utf8');
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) { offenders.push(`${name} imports package ${spec}`); continue; }
      const target = relative(SRC, join(f, '..', spec)).replace(/\\/g, '/');
      const typeOnly = new RegExp(`import\\s+type\\s[^;]*['"]${escape(spec)}['"]`).test(src);
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
