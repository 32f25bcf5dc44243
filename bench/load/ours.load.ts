// playwright-perf side of bench/load: each iteration is one browser fetch of /req, timed as a flow.
import { defineLoadTest } from '../../src';

const target = process.env.BENCH_TARGET ?? 'http://127.0.0.1:9';

export default defineLoadTest({
  scenarios: {
    bench: {
      executor: 'constant-vus',
      vus: Number(process.env.BENCH_VUS ?? 2),
      duration: process.env.BENCH_DURATION ?? '8s',
      context: 'vu',
      thinkTime: 250,
      gracefulStop: '5s',
      exec: async ({ page, perf, vu }) => {
        if (vu.iteration === 0) await page.goto(target);
        await perf.flow('req', () => page.evaluate((u) => fetch(u).then((r) => r.text()), `${target}/req`));
      },
    },
  },
  options: { workers: 1, generator: { maxCpu: 1.01, maxEventLoopDelayMs: 10_000 } },
});
