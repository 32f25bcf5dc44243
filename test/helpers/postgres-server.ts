// A real PostgreSQL server for the store tests: Debian's `postgresql` package (installed by
// `node scripts/setup.mjs --test-servers`), a fresh cluster in a temp folder, loopback only, an
// ephemeral port, fsync off (the data is thrown away). Postgres refuses to run as root, so as root
// the cluster belongs to the package's `postgres` user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './prometheus-servers';

const READY_TIMEOUT_MS = 30_000;

export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
    : [];
  if (!versions.length) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: run "node scripts/setup.mjs --test-servers" (Debian package postgresql)',
    );
  }
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a server binary as the cluster's owner. setpriv execs in place (no wrapper process), so a
 *  signal sent to the child reaches postgres itself. */
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot() ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', bin, ...args]] : [bin, args];
}

export interface PgServer {
  port: number;
  /** URL of a new, empty database on this server. */
  createDatabase(name?: string): Promise<string>;
  /** Superuser URL of the maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
  /** Stops the server (as a crash or an outage would look to clients) and starts it again later. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

let dbSeq = 0;

/** The port from freePort() may be taken by another test before postgres binds it: retry. */
export async function startPostgres(): Promise<PgServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPostgresOnce();
    } catch (e) {
      if (attempt >= 3 || !/exited/.test(String((e as Error)?.message))) throw e;
    }
  }
}

async function startPostgresOnce(): Promise<PgServer> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'pwperf-pg-'));
  if (asRoot()) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
  const data = join(dir, 'data');
  const [cmd, args] = command(join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const init = spawnSync(cmd, args, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed (${userInfo().username}): ${init.stderr || init.stdout}`);
  const port = await freePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const [c, a] = command(join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ]);
    child = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const until = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log}`);
      const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > until) throw new Error(`postgres not ready within ${READY_TIMEOUT_MS} ms: ${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    // SIGINT = fast shutdown: every client connection is cut, as in an outage.
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGINT');
    await exited;
  };
  await start();
  return {
    port,
    adminUrl,
    async createDatabase(name = `db${process.pid}_${++dbSeq}`) {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    kill,
    start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
