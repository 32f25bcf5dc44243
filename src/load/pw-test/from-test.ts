// `fromPlaywrightTest(file, title)`: a scenario iteration that runs an existing Playwright Test
// test — the suite a team already has — with its fixtures. The file is loaded when the load test is
// (so a missing file or title is an error before any browser starts); the title matches the test's
// own title or its full 'describe › title' path.
import type { IterationFn } from '../iteration-types';
import { collectTests } from './collect';
import { runCollectedTest } from './run-test';

export class PlaywrightTestNotFoundError extends Error {}

export function fromPlaywrightTest(file: string, title: string | RegExp): IterationFn {
  let tests: ReturnType<typeof collectTests>;
  try {
    tests = collectTests(file);
  } catch (e) {
    throw new PlaywrightTestNotFoundError(`fromPlaywrightTest: loading ${file} threw: ${(e as Error).message ?? e}`);
  }
  const matches = tests.filter((t) => {
    const full = t.titlePath.join(' › ');
    const own = t.titlePath[t.titlePath.length - 1];
    return typeof title === 'string' ? own === title || full === title : title.test(full);
  });
  if (matches.length !== 1) {
    const list = tests.map((t) => `"${t.titlePath.join(' › ')}"`).join(', ');
    throw new PlaywrightTestNotFoundError(
      `fromPlaywrightTest: ${matches.length ? `${matches.length} tests match` : 'no test matches'} ` +
        `${JSON.stringify(String(title))} in ${file} (tests: ${list || 'none'})`,
    );
  }
  const t = matches[0];
  return async (args) => {
    // `test.use` context options (locale, viewport, storageState…) need a context made with them.
    const contextKeys = Object.keys(t.use).filter((k) => k !== 'baseURL' && k !== 'perfOptions');
    if (!contextKeys.length && !t.use.baseURL) return runCollectedTest(t, args);
    const context = await args.browser.newContext(t.use);
    try {
      await args.perf.instrument(context);
      const page = await context.newPage();
      await runCollectedTest(t, { ...args, context, page });
      await args.perf.flush(context);
    } finally {
      await context.close().catch(() => {});
    }
  };
}
