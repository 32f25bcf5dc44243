// Runs one collected Playwright test as a load iteration, with its fixtures: the built-ins a load
// VU has (page, context, browser, perf, request, baseURL, browserName, playwright), options from
// `test.use`, and the file's own `test.extend` fixtures (set up in dependency order, torn down in
// reverse, like Playwright; worker-scoped ones are set up per iteration). Hooks run around the body.
import * as playwright from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { IterationArgs } from '../iteration-types';
import { currentPerf, fixtureParams, type CollectedTest, type TestBody } from './registry';

/** Fixtures Playwright Test has that cannot exist in a load iteration, and why (docs/load.md). */
export const UNAVAILABLE_FIXTURES: Record<string, string> = {
  testInfo: 'there is no test run: no attachments, output folder, retries or annotations',
  workerInfo: 'VUs are not Playwright workers',
  launchOptions: 'the load test launches (or connects to) one browser per worker process for all its VUs',
  connectOptions: 'set options.browser.connect in the load test instead',
  video: "recording needs the runner's artifact handling",
  trace: "recording needs the runner's artifact handling",
  screenshot: "recording needs the runner's artifact handling",
};

export function runCollectedTest(t: CollectedTest, args: IterationArgs): Promise<void> {
  return currentPerf.run(args.perf, () => runWithFixtures(t, args));
}

async function runWithFixtures(t: CollectedTest, args: IterationArgs): Promise<void> {
  const resolved = new Map<string, unknown>();
  const teardowns: Array<() => Promise<void>> = [];
  let request: APIRequestContext | undefined;
  const baseURL = (t.use.baseURL as string | undefined) ?? undefined;
  const builtins: Record<string, () => Promise<unknown> | unknown> = {
    page: () => args.page,
    context: () => args.context,
    browser: () => args.browser,
    perf: () => args.perf,
    browserName: () => 'chromium',
    playwright: () => playwright,
    baseURL: () => baseURL,
    request: async () => {
      request = await playwright.request.newContext(baseURL ? { baseURL } : {});
      return request;
    },
  };

  const get = async (name: string, chain: string[]): Promise<unknown> => {
    if (resolved.has(name)) return resolved.get(name);
    if (chain.includes(name))
      throw new Error(`fixtures depend on each other in a cycle: ${[...chain, name].join(' → ')}`);
    const def = t.fixtures.get(name);
    let value: unknown;
    if (def?.fn) {
      const fn = def.fn;
      const deps: Record<string, unknown> = {};
      for (const d of fixtureParams(fn)) deps[d] = await get(d, [...chain, name]);
      let release: () => void = () => {};
      let provide: (v: unknown) => void = () => {};
      const provided = new Promise<unknown>((r) => {
        provide = r;
      });
      const run = Promise.resolve(
        fn(
          deps,
          async (v) => {
            provide(v);
            await new Promise<void>((r) => {
              release = r;
            });
          },
          {},
        ),
      );
      value = await Promise.race([
        provided,
        run.then(() => {
          throw new Error(`fixture "${name}" returned without calling use()`);
        }),
      ]);
      teardowns.push(async () => {
        release();
        await run;
      });
    } else if (def) {
      value = def.value;
    } else if (name in t.use) {
      value = t.use[name];
    } else if (name in builtins) {
      value = await builtins[name]();
    } else if (name in UNAVAILABLE_FIXTURES) {
      throw new Error(`fixture "${name}" is not available in a load iteration: ${UNAVAILABLE_FIXTURES[name]}`);
    } else {
      throw new Error(`fixture "${name}" is not defined (built-ins under load: ${Object.keys(builtins).join(', ')})`);
    }
    resolved.set(name, value);
    return value;
  };

  const call = async (fn: TestBody) => {
    const deps: Record<string, unknown> = {};
    for (const d of fixtureParams(fn)) deps[d] = await get(d, []);
    await fn(deps);
  };

  let failure: unknown;
  try {
    for (const [name, def] of t.fixtures) if (def.auto) await get(name, []);
    for (const h of t.hooks.filter((x) => x.kind === 'beforeAll' || x.kind === 'beforeEach')) await call(h.fn);
    await call(t.fn);
  } catch (e) {
    failure = e;
  }
  // After-hooks and teardown run even when the body failed, as in Playwright; the first error wins.
  for (const h of t.hooks.filter((x) => x.kind === 'afterEach' || x.kind === 'afterAll').reverse()) {
    try {
      await call(h.fn);
    } catch (e) {
      failure ??= e;
    }
  }
  for (const td of teardowns.reverse()) {
    try {
      await td();
    } catch (e) {
      failure ??= e;
    }
  }
  await request?.dispose().catch(() => {});
  if (failure !== undefined) throw failure;
}
