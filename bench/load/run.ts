// bench/load: the highest number of browser VUs this machine sustains with the reported p95 still
// within 10 % of the server's truth (every request takes exactly D ms), and the generator CPU per
// iteration (CPU of the generator's whole process tree, browsers included / iterations) — playwright-perf load vs Artillery's
// Playwright engine (installed by this bench into bench/.tmp/artillery, never a project dependency)
// on the same scenario (one browser fetch of /req per iteration, 250 ms think time) and server.
//   node --import tsx bench/load/run.ts [--vus 2,4,8,12,16] [--duration 8]
// Paired runs: for each VU count both tools run back to back; figures are medians of --repeat runs.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDelayServer } from './delay-server';
import { runLoadTest } from '../../src/load/coordinator';
import { StopSignal } from '../../src/load/stop-signal';
import { chromiumExecutablePath } from '../../src/browser/resolve-chromium';

const ROOT = join(__dirname, '..', '..');
const TMP = join(ROOT, 'bench', '.tmp', 'artillery');
const D = 200;
const { values } = parseArgs({
  options: {
    vus: { type: 'string', default: '2,4,8,12' },
    duration: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '1' },
  },
});
const ladder = values.vus.split(',').map(Number);
const seconds = Number(values.duration);

/** CPU of this process and every child it reaped (the browsers, Artillery and its browsers), in ms:
 *  /proc/self/stat utime + stime + cutime + cstime (clock ticks, 100 per second on Linux). */
function treeCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
}

async function ours(url: string, vus: number) {
  Object.assign(process.env, { BENCH_TARGET: url, BENCH_VUS: String(vus), BENCH_DURATION: `${seconds}s` });
  const r = await runLoadTest({ file: 'bench/load/ours.load.ts', cwd: ROOT, stop: new StopSignal() });
  const m = r.metrics['flow.req'];
  return { p95: m?.p95 ?? NaN, iterations: r.totals.iterations };
}

/** Installs Artillery and its Playwright engine into bench/.tmp/artillery (not a project dependency).
 *  Its @playwright/browser-chromium would download a browser: skipped, it drives the same Chromium. */
function ensureArtillery(): string | null {
  const bin = join(TMP, 'node_modules', '.bin', 'artillery');
  if (existsSync(bin)) return bin;
  mkdirSync(TMP, { recursive: true });
  if (!existsSync(join(TMP, 'package.json')))
    writeFileSync(join(TMP, 'package.json'), '{"name":"artillery-bench","private":true}\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'artillery@2', 'artillery-engine-playwright@1'], {
    cwd: TMP,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    timeout: 900_000,
  });
  return r.status === 0 && existsSync(bin) ? bin : null;
}

async function artillery(url: string, vus: number) {
  const bin = ensureArtillery();
  if (!bin) return null;
  // One arrival per VU at the start, each looping for the duration: the same closed model.
  writeFileSync(
    join(TMP, 'flow.js'),
    `module.exports = { req: async (page, vuContext, events) => {
  await page.goto(${JSON.stringify(url)});
  const end = Date.now() + ${seconds * 1000};
  while (Date.now() < end) {
    const t0 = Date.now();
    await page.evaluate((u) => fetch(u).then((r) => r.text()), ${JSON.stringify(url + '/req')});
    events.emit('histogram', 'bench.req', Date.now() - t0);
    events.emit('counter', 'bench.iterations', 1);
    await page.waitForTimeout(250);
  }
} };\n`,
  );
  writeFileSync(
    join(TMP, 'bench.yml'),
    [
      'config:',
      `  target: ${JSON.stringify(url)}`,
      '  phases:',
      `    - duration: 1`,
      `      arrivalCount: ${vus}`,
      '  engines:',
      '    playwright:',
      '      launchOptions:',
      `        executablePath: ${JSON.stringify(chromiumExecutablePath())}`,
      '        args: ["--disable-gpu"]',
      '  processor: "./flow.js"',
      'scenarios:',
      '  - engine: playwright',
      '    testFunction: "req"',
      '',
    ].join('\n'),
  );
  const out = join(TMP, 'out.json');
  rmSync(out, { force: true });
  const t0 = Date.now();
  const c0 = treeCpuMs();
  // Asynchronous: the delay server lives in this process, and a synchronous spawn would stop its
  // event loop, so every Artillery page.goto would wait for a server that cannot answer.
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(bin, ['run', '--output', out, join(TMP, 'bench.yml')], { cwd: TMP });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 60) * 1000);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
  });
  if (r.status !== 0 || !existsSync(out)) return { error: (r.stderr || r.stdout).slice(-400), ms: Date.now() - t0 };
  const rep = JSON.parse(readFileSync(out, 'utf8'));
  // Artillery reports browser-side fetches under browser.http_requests… / summaries: pick the request's own timing.
  const summary = rep.aggregate?.summaries?.['bench.req'];
  const iterations = rep.aggregate?.counters?.['bench.iterations'] ?? 0;
  const cpu = (treeCpuMs() - c0) / Math.max(1, iterations);
  return {
    p95: summary?.p95 ?? NaN,
    iterations,
    withinTruth: summary ? Math.abs(summary.p95 - D) / D <= 0.1 : false,
    cpuMsPerIteration: Math.round(cpu),
  };
}

(async () => {
  const server = await startDelayServer(D);
  const rows: string[] = [];
  try {
    for (const vus of ladder) {
      const c0 = treeCpuMs();
      const a = await ours(server.url, vus);
      const oursCpu = (treeCpuMs() - c0) / Math.max(1, a.iterations);
      const b = await artillery(server.url, vus);
      rows.push(
        JSON.stringify({
          vus,
          ours: { ...a, withinTruth: Math.abs(a.p95 - D) / D <= 0.1, cpuMsPerIteration: Math.round(oursCpu) },
          artillery: b,
        }),
      );
      console.log(rows[rows.length - 1]);
    }
  } finally {
    await server.close();
  }
  try {
    execFileSync('uptime', { stdio: 'inherit' });
  } catch {
    /* not on every OS */
  }
})();
