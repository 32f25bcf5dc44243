// Benchmark: `playwright-perf serve` over a history of RUNS runs × TESTS tests (default 1,000 ×
// 1,000, synthetic, written in the store's packed format). The server runs as the CLI in its own
// process; CLIENTS concurrent keep-alive clients on loopback send REQUESTS requests per route, each
// with a different argument (run, subject, pair of runs) so that most answers are computed, not
// cached. Prints file size, start-up load time, and p50/p95/max latency per route.
// Run: `npm run bench:serve` or
// `node --import tsx bench/serve/run.ts [runs] [tests] [clients] [requests] [workers]`.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { emptyHistory } from '../../src/store/migrations';
import { packHistory } from '../../src/store/packed-format';
import type { CompactRun } from '../../src/types';
import { rng } from '../../test/helpers/history-factories';
import { benchSubject, syntheticCompactRun } from '../helpers/synthetic-history';
import { startServeProcess } from '../../test/helpers/serve-process';

const RUNS = Number(process.argv[2] ?? 1000);
const TESTS = Number(process.argv[3] ?? 1000);
const CLIENTS = Number(process.argv[4] ?? 50);
const REQUESTS = Number(process.argv[5] ?? 1000);
/** serve --workers: server processes sharing the port. */
const WORKERS = Number(process.argv[6] ?? 1);

const r = rng(11);
const subject = benchSubject;
function makeRun(i: number): CompactRun {
  return syntheticCompactRun(r, TESTS, `run-${String(i).padStart(4, '0')}`, Date.UTC(2026, 0, 1) + i * 3_600_000);
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${res.statusCode} ${url}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

async function load(urls: string[]): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < urls.length) times.push(await get(urls[next++]));
    }),
  );
  return times.sort((a, b) => a - b);
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
const fmt = (ms: number) => ms.toFixed(1).padStart(8);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-serve-'));
  try {
    const file = join(dir, 'history.json');
    let t = performance.now();
    const data = emptyHistory();
    data.runs = Array.from({ length: RUNS }, (_, i) => makeRun(i));
    writeFileSync(file, JSON.stringify(packHistory(data)));
    data.runs = [];
    console.log(
      `history: ${RUNS} runs × ${TESTS} tests, ${(statSync(file).size / 2 ** 20).toFixed(1)} MB packed (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    t = performance.now();
    const server = await startServeProcess(['--history', file, '--workers', String(WORKERS)], {}, process.cwd());
    console.log(
      `server up in ${((performance.now() - t) / 1000).toFixed(1)} s: ${/history: \d+ run\(s\) loaded[^\n]*/.exec(server.output())?.[0]}`,
    );
    try {
      const u = (p: string) => new URL(`api/v1/${p}`, server.url).href;
      const pick = (n: number) => Array.from({ length: REQUESTS }, (_, i) => (i * 7919) % n);
      const routes: Array<[string, string[]]> = [
        [
          'series (metric × subject, last 100)',
          pick(TESTS).map((i) => u(`series?metric=test.duration&subject=${encodeURIComponent(subject(i))}&last=100`)),
        ],
        [
          'trends (all series of a metric)',
          pick(4).map((i) =>
            u(
              `trends?metric=${['test.duration', 'nav.ttfb', 'step.duration', 'test.duration'][i]}&last=${[30, 100, 30, 300][i]}`,
            ),
          ),
        ],
        ['run (record + analysis)', pick(RUNS).map((i) => u(`runs/run-${String(i).padStart(4, '0')}`))],
        [
          'compare (two runs)',
          pick(RUNS - 1).map((i) =>
            u(
              `compare?base=run-${String(i).padStart(4, '0')}&head=run-${String(RUNS - 1 - (i % 10)).padStart(4, '0')}`,
            ),
          ),
        ],
      ];
      // The first series request builds the series index; time it alone.
      t = performance.now();
      await get(u(`series?metric=test.duration&subject=${encodeURIComponent(subject(0))}`));
      console.log(
        `first series request (builds the series index of ${RUNS * (TESTS + 70)} points): ${(performance.now() - t).toFixed(0)} ms`,
      );
      console.log(
        `${CLIENTS} concurrent clients, ${REQUESTS} requests per route, ${WORKERS} server process(es) (p50 / p95 / max ms):`,
      );
      for (const [name, urls] of routes) {
        const times = await load(urls);
        console.log(`  ${name.padEnd(38)}${fmt(q(times, 0.5))}${fmt(q(times, 0.95))}${fmt(times[times.length - 1])}`);
      }
      console.log('again, now that every answer above is cached:');
      for (const [name, urls] of routes) {
        const times = await load(urls);
        console.log(`  ${name.padEnd(38)}${fmt(q(times, 0.5))}${fmt(q(times, 0.95))}${fmt(times[times.length - 1])}`);
      }
    } catch (e) {
      console.error(`server output:\n${server.output().slice(-2000)}`);
      throw e;
    } finally {
      await server.stop('SIGTERM');
    }
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
