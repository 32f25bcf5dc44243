// `playwright-perf show [dir|file] [--port n] [--no-open]`
// Serves a report folder over HTTP on 127.0.0.1 (never on other interfaces: reports hold test
// data) and opens it in the default browser. In CI or without a display it only prints the URL.
// Serving rather than opening file:// keeps report.json fetchable by the page.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { errorMessage } from '../../util/errors';

const USAGE = `Usage: playwright-perf show [dir|file] [options]

Serves a playwright-perf report on http://127.0.0.1 and opens it in your browser.
With no argument, serves ./perf-report. Stop with Ctrl+C.

Options:
  --port <n>     port to listen on (default: a free port)
  --no-open      only print the URL (automatic in CI and without a display)
  -h, --help     show this help
`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** A static file server confined to `root` (symlinks and `..` cannot escape it). */
export function serveFolder(root: string, entry: string): Server {
  const realRoot = realpathSync(root);
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (path === '/' || path === '') path = '/' + entry;
    const file = resolve(realRoot, '.' + path);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if ((real !== realRoot && !real.startsWith(realRoot + sep)) || !statSync(real).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(real).pipe(res);
  });
}

function canOpenBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return true;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {
      /* no opener: the URL is printed anyway */
    });
    child.unref();
  } catch {
    /* ignore */
  }
}

/** Resolves the folder to serve and the page to open from the argument. */
export function resolveTarget(arg: string | undefined, cwd: string): { root: string; entry: string } {
  const target = resolve(cwd, arg ?? 'perf-report');
  if (!existsSync(target)) {
    throw new Error(
      arg
        ? `${target} does not exist`
        : `no report found at ${target}; run your tests with the playwright-perf reporter first, or pass the report folder`,
    );
  }
  if (statSync(target).isDirectory()) {
    if (!existsSync(join(target, 'index.html')))
      throw new Error(`${target} has no index.html (is it a playwright-perf report folder?)`);
    return { root: target, entry: 'index.html' };
  }
  return { root: dirname(target), entry: basename(target) };
}

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Serve the last report on 127.0.0.1 and open it in the browser',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one folder or file, got ${positionals.length}`);
    const port = values.port !== undefined ? Number(values.port) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    let target: ReturnType<typeof resolveTarget>;
    try {
      target = resolveTarget(positionals[0], io.cwd);
    } catch (e) {
      io.stderr(`playwright-perf show: ${errorMessage(e)}\n`);
      return 1;
    }
    const server = serveFolder(target.root, target.entry);
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => ok());
    }).catch((e: NodeJS.ErrnoException) => {
      throw new Error(
        e.code === 'EADDRINUSE'
          ? `port ${port} is in use; pick another with --port or omit it for a free one`
          : e.message,
      );
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://127.0.0.1:${actualPort}/${encodeURI(target.entry)}`;
    io.stdout(`Serving ${target.root}\n  ${url}\nPress Ctrl+C to stop.\n`);
    if (!values['no-open'] && canOpenBrowser()) openBrowser(url);
    // Serve until the process is stopped.
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
