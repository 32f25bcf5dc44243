// An HTTP server whose behaviour under load is known: one single-threaded "worker" serves GET /work
// requests one at a time, FIFO, each taking a fixed service time S (a timer, not CPU). So its
// throughput cannot exceed 1/S and a request's latency is S plus its wait in the queue. It records
// what really happened (service start/end per request) as the ground truth.
// GET /alone answers at once (the page's own time, measured without the server's queue).
// GET /missing answers 404. Listens on 127.0.0.1, an ephemeral port.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface QueueServer {
  url: string;
  serviceMs: number;
  /** Per served /work request: arrival, service start and end (epoch ms). */
  served: Array<{ arrivedAt: number; startedAt: number; endedAt: number }>;
  close(): Promise<void>;
}

const PAGE =
  '<!doctype html><html><head><title>work</title><link rel="icon" href="data:,"></head>' +
  '<body><h1 id="done">done</h1></body></html>';

export async function startQueueServer(serviceMs: number): Promise<QueueServer> {
  const queue: Array<{ res: ServerResponse; arrivedAt: number }> = [];
  const served: QueueServer['served'] = [];
  let busy = false;
  const next = () => {
    const job = queue.shift();
    if (!job) {
      busy = false;
      return;
    }
    busy = true;
    const startedAt = Date.now();
    setTimeout(() => {
      served.push({ arrivedAt: job.arrivedAt, startedAt, endedAt: Date.now() });
      job.res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      job.res.end(PAGE);
      next();
    }, serviceMs);
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/work') {
      queue.push({ res, arrivedAt: Date.now() });
      if (!busy) next();
    } else if (path === '/alone') {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serviceMs,
    served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
