// What a spec file declares when it is loaded with the shim `test` (see shim.ts): its tests, the
// hooks around them, fixtures from `test.extend`, and `test.use` options.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoadPerfApi } from '../perf-api';

/** The running iteration's perf API, so the shim's `test.step` can time steps as `step.<title>`. */
export const currentPerf = new AsyncLocalStorage<LoadPerfApi>();

export type FixtureFn = (
  deps: Record<string, unknown>,
  use: (value: unknown) => Promise<void>,
  info: unknown,
) => Promise<void>;

export interface FixtureDef {
  fn?: FixtureFn;
  value?: unknown;
  scope: 'test' | 'worker';
  auto: boolean;
}

export type Fixtures = Map<string, FixtureDef>;

export type TestBody = (fixtures: Record<string, unknown>) => Promise<void> | void;

export interface HookDef {
  kind: 'beforeEach' | 'afterEach' | 'beforeAll' | 'afterAll';
  fn: TestBody;
  fixtures: Fixtures;
}

export interface CollectedTest {
  /** Describe titles and the test title. */
  titlePath: string[];
  fn: TestBody;
  fixtures: Fixtures;
  /** Hooks of the enclosing describes, outermost first. */
  hooks: HookDef[];
  use: Record<string, unknown>;
  skipped: boolean;
}

export interface Registry {
  tests: CollectedTest[];
  describePath: string[];
  hookStack: HookDef[][];
  useStack: Array<Record<string, unknown>>;
}

export function newRegistry(): Registry {
  return { tests: [], describePath: [], hookStack: [[]], useStack: [{}] };
}

/** Names a fixture function destructures from its first parameter, as Playwright reads them. */
export function fixtureParams(fn: (...args: never[]) => unknown): string[] {
  const src = fn.toString();
  const m = /^[^(]*?\(\s*\{([^}]*)\}/.exec(src) ?? /^\s*async\s*\{([^}]*)\}/.exec(src);
  if (!m) return [];
  return m[1]
    .split(',')
    .map((p) => p.trim().split(/[:=]/)[0].trim())
    .filter((p) => p && !p.startsWith('...'));
}
