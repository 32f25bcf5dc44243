// Real Prometheus and Pushgateway servers for the export tests (Debian packages `prometheus` and
// `prometheus-pushgateway`, installed by `node scripts/setup.mjs --test-servers`). Each test file
// starts its own pair on loopback ephemeral ports with a temp config and storage, and stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const PROMTOOL_BIN = '/usr/bin/promtool';
export const PUSHGATEWAY_BIN = '/usr/bin/prometheus-pushgateway';
const READY_TIMEOUT_MS = 30_000;

/** A port the kernel just handed out (released again for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export function requireBinaries(): void {
  const missing = [PROMETHEUS_BIN, PROMTOOL_BIN, PUSHGATEWAY_BIN].filter((b) => !existsSync(b));
  if (missing.length) {
    throw new Error(
      `missing ${missing.join(', ')}: run "node scripts/setup.mjs --test-servers" (Debian packages prometheus, prometheus-pushgateway)`,
    );
  }
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited (${child.exitCode}): ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within ${READY_TIMEOUT_MS} ms: ${log()}`);
}

function start(bin: string, args: string[]): { child: ChildProcess; log: () => string } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => out };
}

export interface PromStack {
  gatewayUrl: string;
  prometheusUrl: string;
  /** Instant query through Prometheus' HTTP API: each result's labels and value. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  /** Polls `query` until `ok` accepts the result (Prometheus scrapes every second). */
  waitFor(
    expr: string,
    ok: (r: Array<{ metric: Record<string, string>; value: number }>) => boolean,
    timeoutMs?: number,
  ): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
}

/** Extra scrape targets: `host:port` serving /metrics (e.g. `playwright-perf serve`, a load test). */
/** freePort() releases its port before the server binds it: another test may take it first, so a
 *  stack whose server exits at start is tried again on fresh ports. */
export async function startPromStack(extraTargets: string[] = []): Promise<PromStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPromStackOnce(extraTargets);
    } catch (e) {
      if (attempt >= 3 || !/exited/.test(String((e as Error)?.message))) throw e;
    }
  }
}

async function startPromStackOnce(extraTargets: string[]): Promise<PromStack> {
  requireBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'pwperf-prom-'));
  const [gwPort, promPort] = [await freePort(), await freePort()];
  const gatewayUrl = `http://127.0.0.1:${gwPort}`;
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: state shared across
  // runs would leak one test's pushes into the next, so every gateway gets its own file.
  const gw = start(PUSHGATEWAY_BIN, [
    `--web.listen-address=127.0.0.1:${gwPort}`,
    `--persistence.file=${join(dir, 'pushgateway.data')}`,
    '--log.level=warn',
  ]);
  // honor_labels keeps the pushed job/branch/shard labels instead of the scrape target's.
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${gwPort}']`,
      ...(extraTargets.length
        ? [
            '  - job_name: playwright-perf',
            '    static_configs:',
            `      - targets: [${extraTargets.map((t) => `'${t}'`).join(', ')}]`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  const prom = start(PROMETHEUS_BIN, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    '--log.level=warn',
  ]);
  const stop = async () => {
    for (const p of [gw.child, prom.child]) if (p.exitCode === null) p.kill('SIGTERM');
    await Promise.all(
      [gw.child, prom.child].map((p) => (p.exitCode !== null ? null : new Promise((r) => p.once('exit', r)))),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${gatewayUrl}/-/ready`, gw.child, gw.log);
    await waitReady(`${prometheusUrl}/-/ready`, prom.child, prom.log);
  } catch (e) {
    await stop();
    throw e;
  }
  const query = async (expr: string) => {
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as {
      status: string;
      data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    if (body.status !== 'success') throw new Error(`query ${expr}: ${JSON.stringify(body)}`);
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };
  const waitFor: PromStack['waitFor'] = async (expr, ok, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    let last: Awaited<ReturnType<typeof query>> = [];
    while (Date.now() < until) {
      last = await query(expr);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${expr}: condition not met within ${timeoutMs} ms; last result ${JSON.stringify(last)}`);
  };
  return { gatewayUrl, prometheusUrl, query, waitFor, stop };
}

/** `promtool check metrics`: lints an exposition (names, units, help, types); returns its complaints. */
export function promtoolCheck(exposition: string): { ok: boolean; output: string } {
  const r = spawnSync(PROMTOOL_BIN, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}
