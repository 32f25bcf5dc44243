// The shim `test` a spec file gets when a load scenario runs one of its tests: same calls as
// Playwright Test's (`test`, `describe`, hooks, `extend`, `use`, `step`, `skip`…), but it only
// records what the file declares. Everything else (`expect`, `devices`, types) is the real module's.
import * as real from '@playwright/test';
import {
  currentPerf,
  type CollectedTest,
  type FixtureDef,
  type Fixtures,
  type HookDef,
  type Registry,
  type TestBody,
} from './registry';

type Callable = (...args: unknown[]) => unknown;

function toFixtures(defs: Record<string, unknown>, base: Fixtures): Fixtures {
  const out: Fixtures = new Map(base);
  for (const [name, def] of Object.entries(defs)) {
    let d: FixtureDef;
    if (Array.isArray(def)) {
      const [v, opts = {}] = def as [unknown, { scope?: 'test' | 'worker'; auto?: boolean }];
      d =
        typeof v === 'function'
          ? { fn: v as FixtureDef['fn'], scope: opts.scope ?? 'test', auto: !!opts.auto }
          : { value: v, scope: opts.scope ?? 'test', auto: false };
    } else if (typeof def === 'function') {
      d = { fn: def as FixtureDef['fn'], scope: 'test', auto: false };
    } else {
      d = { value: def, scope: 'test', auto: false };
    }
    out.set(name, d);
  }
  return out;
}

export function createShimTest(registry: Registry, fixtures: Fixtures = new Map()): Callable {
  const add = (title: string, fn: TestBody, skipped = false) => {
    const t: CollectedTest = {
      titlePath: [...registry.describePath, title],
      fn,
      fixtures,
      hooks: registry.hookStack.flat(),
      use: Object.assign({}, ...registry.useStack),
      skipped,
    };
    registry.tests.push(t);
  };
  const test = ((title: string, a: unknown, b?: unknown) =>
    add(title, (typeof a === 'function' ? a : b) as TestBody)) as Callable & Record<string, unknown>;
  const describe = ((title: string, a: unknown, b?: unknown) => {
    const body = (typeof a === 'function' ? a : b) as () => void;
    registry.describePath.push(title);
    registry.hookStack.push([]);
    registry.useStack.push({});
    try {
      body();
    } finally {
      registry.describePath.pop();
      registry.hookStack.pop();
      registry.useStack.pop();
    }
  }) as Callable & Record<string, unknown>;
  for (const mod of ['only', 'skip', 'fixme', 'serial', 'parallel', 'configure'])
    describe[mod] = mod === 'configure' ? () => {} : describe;
  test.describe = describe;
  const hook = (kind: HookDef['kind']) => (a: unknown, b?: unknown) => {
    registry.hookStack[registry.hookStack.length - 1].push({
      kind,
      fn: (typeof a === 'function' ? a : b) as TestBody,
      fixtures,
    });
  };
  test.beforeEach = hook('beforeEach');
  test.afterEach = hook('afterEach');
  test.beforeAll = hook('beforeAll');
  test.afterAll = hook('afterAll');
  test.only = test;
  test.fixme = (title: unknown, fn?: unknown) =>
    typeof title === 'string' && typeof fn === 'function' ? add(title, fn as TestBody, true) : undefined;
  test.skip = (title: unknown, fn?: unknown) =>
    typeof title === 'string' && typeof fn === 'function' ? add(title, fn as TestBody, true) : undefined;
  test.fail = test;
  test.slow = () => {};
  test.setTimeout = () => {};
  test.use = (options: Record<string, unknown>) =>
    Object.assign(registry.useStack[registry.useStack.length - 1], options);
  test.extend = (defs: Record<string, unknown>) => createShimTest(registry, toFixtures(defs, fixtures));
  test.step = async (title: string, body: () => unknown) => {
    const perf = currentPerf.getStore();
    return perf ? perf.time(title, body) : body();
  };
  test.info = () => {
    throw new Error(
      'test.info() is not available when a test runs as a load iteration: there is no test run (no ' +
        'attachments, output folder, retries or annotations). See docs/load.md.',
    );
  };
  test.expect = real.expect;
  return test;
}

export function shimModule(registry: Registry): Record<string, unknown> {
  const test = createShimTest(registry);
  return { ...real, test, default: test, expect: real.expect };
}
