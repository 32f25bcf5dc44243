// bench/optimizer-rewriter: how long the config rewriter takes per corpus file (ts-morph load
// separately). Medians over rounds; prints figures, asserts nothing.
//   npx tsx bench/optimizer-rewriter.ts [--rounds 10]
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, CORPUS_DIR } from '../test/helpers/optimizer-corpus';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' } } });
const t0 = performance.now();
const { rewriteConfig } =
  require('../src/optimize/config-rewriter') as typeof import('../src/optimize/config-rewriter');
const loadMs = performance.now() - t0;
const cases = loadCorpus().map((c) => ({ ...c, text: readFileSync(join(CORPUS_DIR, c.file), 'utf8') }));
const per: Record<string, number[]> = {};
const first = performance.now();
for (const c of cases) rewriteConfig(c.text, c.file, c.edits, { env: c.env });
const firstMs = performance.now() - first;
for (let r = 0; r < Number(values.rounds); r++) {
  for (const c of cases) {
    const s = performance.now();
    rewriteConfig(c.text, c.file, c.edits, { env: c.env });
    (per[c.file] ??= []).push(performance.now() - s);
  }
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const all = Object.values(per)
  .map(med)
  .sort((a, b) => a - b);
console.log(
  `ts-morph + rewriter load: ${loadMs.toFixed(0)} ms; first pass over ${cases.length} files: ${firstMs.toFixed(0)} ms`,
);
console.log(
  `per file (median of ${values.rounds}): p50 ${med(all).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`,
);
for (const [f, v] of Object.entries(per)
  .sort((a, b) => med(b[1]) - med(a[1]))
  .slice(0, 3))
  console.log(`  slowest: ${f} ${med(v).toFixed(1)} ms`);
