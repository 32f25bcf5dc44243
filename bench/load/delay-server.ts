// Bench server: every GET /req answers after exactly D ms, whatever the load (timers, no queue), so
// the true latency is D at any concurrency; a generator whose reported p95 drifts above D is
// reporting its own overload. GET / is a blank page to run fetches from. Loopback, ephemeral port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startDelayServer(delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/req')) {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end('ok');
      }, delayMs);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>bench</title><body>bench</body>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
