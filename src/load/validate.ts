// Validates a load-test definition before any browser starts. Every problem names its key
// (`scenarios.checkout.rate`, `thresholds["flow.login"][0]`) and all problems are reported at once.
import { availableParallelism } from 'node:os';
import type { LoadTestDefinition } from '../types/load';
import { describeValue, isPlainObject } from '../util/describe-value';
import { parseDuration } from './duration';
import { parseThreshold } from './threshold-parse';
import {
  EXECUTORS,
  type ResolvedLoadTest,
  type ResolvedScenario,
  type ResolvedStage,
  type ResolvedThreshold,
} from './resolved';
import type { IterationFn } from './iteration-types';

export class LoadDefinitionError extends Error {
  constructor(
    readonly problems: string[],
    file?: string,
  ) {
    super(`invalid load test${file ? ` ${file}` : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LoadDefinitionError';
  }
}

/** Load-test defaults for `perfOptions`: what costs CPU per iteration is off (see docs/load.md). */
export const LOAD_PERF_OPTIONS: Record<string, boolean> = {
  navigation: true,
  webVitals: true,
  userTimings: true,
  longTasks: false,
  runtime: false,
  locators: false,
  startup: false,
};

const KEYS: Record<string, string[]> = {
  common: ['executor', 'exec', 'startTime', 'gracefulStop', 'iterationTimeout', 'contextOptions', 'context'],
  'constant-vus': ['vus', 'duration', 'thinkTime'],
  'ramping-vus': ['startVUs', 'stages', 'gracefulRampDown', 'thinkTime'],
  'per-vu-iterations': ['vus', 'iterations', 'maxDuration', 'thinkTime'],
  'shared-iterations': ['vus', 'iterations', 'maxDuration', 'thinkTime'],
  'constant-arrival-rate': ['rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  'ramping-arrival-rate': ['startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
};

class Checker {
  readonly problems: string[] = [];
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly path: string,
  ) {}

  private fail(key: string, message: string): void {
    this.problems.push(`${this.path}.${key} ${message}`);
  }

  duration(key: string, fallback: number | undefined, opts: { positive?: boolean } = {}): number {
    const raw = this.obj[key];
    if (raw === undefined) {
      if (fallback === undefined) {
        this.fail(key, 'is required (a duration such as 30s)');
        return 0;
      }
      return fallback;
    }
    const ms = parseDuration(raw);
    if (ms === null) {
      this.fail(key, `must be a duration (ms or '500ms', '30s', '2m'), got ${describeValue(raw)}`);
      return 0;
    }
    if (ms < 0 || (opts.positive && ms === 0))
      this.fail(key, `must be ${opts.positive ? '> 0' : '>= 0'}, got ${describeValue(raw)}`);
    return ms;
  }

  count(key: string, fallback: number | undefined, opts: { positive?: boolean; integer?: boolean } = {}): number {
    const raw = this.obj[key];
    if (raw === undefined) {
      if (fallback === undefined) {
        this.fail(key, 'is required');
        return 0;
      }
      return fallback;
    }
    const integer = opts.integer ?? true;
    const ok = typeof raw === 'number' && Number.isFinite(raw) && (!integer || Number.isInteger(raw));
    if (!ok) {
      this.fail(key, `must be ${integer ? 'an integer' : 'a number'}, got ${describeValue(raw)}`);
      return 0;
    }
    const n = raw as number;
    if (n < 0 || (opts.positive && n === 0)) this.fail(key, `must be ${opts.positive ? '> 0' : '>= 0'}, got ${n}`);
    return n;
  }

  stages(key: string, integerTargets: boolean): ResolvedStage[] {
    const raw = this.obj[key];
    if (!Array.isArray(raw) || raw.length === 0) {
      this.fail(key, `must be a non-empty array of { duration, target }, got ${describeValue(raw)}`);
      return [];
    }
    return raw.map((st, i) => {
      if (!isPlainObject(st)) {
        this.fail(`${key}[${i}]`, `must be { duration, target }, got ${describeValue(st)}`);
        return { durationMs: 0, target: 0 };
      }
      const c = new Checker(st, `${this.path}.${key}[${i}]`);
      const stage = {
        durationMs: c.duration('duration', undefined),
        target: c.count('target', undefined, { integer: integerTargets }),
      };
      this.problems.push(...c.problems);
      return stage;
    });
  }

  thinkTime(): { minMs: number; maxMs: number } | null {
    const raw = this.obj.thinkTime;
    if (raw === undefined) return null;
    if (isPlainObject(raw)) {
      const c = new Checker(raw, `${this.path}.thinkTime`);
      const minMs = c.duration('min', undefined);
      const maxMs = c.duration('max', undefined);
      this.problems.push(...c.problems);
      if (maxMs < minMs) this.fail('thinkTime', `max (${maxMs} ms) must be >= min (${minMs} ms)`);
      return { minMs, maxMs };
    }
    const ms = this.duration('thinkTime', 0);
    return { minMs: ms, maxMs: ms };
  }

  unknownKeys(known: string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!known.includes(key))
        this.fail(key, `is not an option of executor "${String(this.obj.executor)}" (known: ${known.join(', ')})`);
    }
  }
}

function resolveScenario(name: string, raw: unknown, problems: string[]): ResolvedScenario | null {
  const path = `scenarios.${name}`;
  if (!isPlainObject(raw)) {
    problems.push(`${path} must be an object with an executor, got ${describeValue(raw)}`);
    return null;
  }
  const executor = raw.executor;
  if (typeof executor !== 'string' || !(EXECUTORS as readonly string[]).includes(executor)) {
    problems.push(`${path}.executor: unknown executor ${describeValue(executor)} (known: ${EXECUTORS.join(', ')})`);
    return null;
  }
  if (typeof raw.exec !== 'function') {
    problems.push(
      `${path}.exec must be the iteration function async ({ page, perf }) => { … }, got ${describeValue(raw.exec)}`,
    );
  }
  if (raw.contextOptions !== undefined && !isPlainObject(raw.contextOptions)) {
    problems.push(
      `${path}.contextOptions must be an object (browser.newContext options), got ${describeValue(raw.contextOptions)}`,
    );
  }
  if (raw.context !== undefined && raw.context !== 'iteration' && raw.context !== 'vu') {
    problems.push(`${path}.context must be 'iteration' or 'vu', got ${describeValue(raw.context)}`);
  }
  const c = new Checker(raw, path);
  c.unknownKeys([...KEYS.common, ...KEYS[executor]]);
  const base = {
    name,
    exec: raw.exec as IterationFn,
    startTimeMs: c.duration('startTime', 0),
    gracefulStopMs: c.duration('gracefulStop', 30_000),
    iterationTimeoutMs: c.duration('iterationTimeout', 60_000, { positive: true }),
    contextOptions: isPlainObject(raw.contextOptions) ? raw.contextOptions : {},
    contextScope: raw.context === 'vu' ? ('vu' as const) : ('iteration' as const),
    thinkTime: KEYS[executor].includes('thinkTime') ? c.thinkTime() : null,
  };
  let scenario: ResolvedScenario;
  switch (executor) {
    case 'constant-vus':
      scenario = {
        ...base,
        executor,
        vus: c.count('vus', undefined, { positive: true }),
        durationMs: c.duration('duration', undefined, { positive: true }),
      };
      break;
    case 'ramping-vus':
      scenario = {
        ...base,
        executor,
        startVUs: c.count('startVUs', 0),
        stages: c.stages('stages', true),
        gracefulRampDownMs: c.duration('gracefulRampDown', 30_000),
      };
      break;
    case 'per-vu-iterations':
    case 'shared-iterations':
      scenario = {
        ...base,
        executor,
        vus: c.count('vus', 1, { positive: true }),
        iterations: c.count('iterations', 1, { positive: true }),
        maxDurationMs: c.duration('maxDuration', 600_000, { positive: true }),
      };
      break;
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      const timeUnit = c.duration('timeUnit', 1000, { positive: true }) || 1000;
      const preAllocatedVUs = c.count('preAllocatedVUs', undefined, { positive: true });
      const maxVUs = c.count('maxVUs', preAllocatedVUs, { positive: true });
      if (maxVUs < preAllocatedVUs)
        problems.push(`${path}.maxVUs (${maxVUs}) must be >= preAllocatedVUs (${preAllocatedVUs})`);
      if (executor === 'constant-arrival-rate') {
        const rate = c.count('rate', undefined, { positive: true, integer: false });
        scenario = {
          ...base,
          executor,
          ratePerMs: rate / timeUnit,
          durationMs: c.duration('duration', undefined, { positive: true }),
          preAllocatedVUs,
          maxVUs,
        };
      } else {
        const startRate = c.count('startRate', 0, { integer: false });
        const stages = c.stages('stages', false);
        if (stages.length && startRate === 0 && stages.every((s) => s.target === 0)) {
          problems.push(`${path}.stages: every target is 0 and startRate is 0, so no iteration would ever start`);
        }
        scenario = {
          ...base,
          executor,
          startRatePerMs: startRate / timeUnit,
          stages: stages.map((s) => ({ durationMs: s.durationMs, target: s.target / timeUnit })),
          preAllocatedVUs,
          maxVUs,
        };
      }
      break;
    }
    default:
      return null;
  }
  problems.push(...c.problems);
  return scenario;
}

function resolveThresholds(raw: unknown, problems: string[]): ResolvedThreshold[] {
  if (raw === undefined) return [];
  if (!isPlainObject(raw)) {
    problems.push(`thresholds must be an object { metric: ['p95 < 2000'] }, got ${describeValue(raw)}`);
    return [];
  }
  const out: ResolvedThreshold[] = [];
  for (const [metric, list] of Object.entries(raw)) {
    const key = `thresholds[${JSON.stringify(metric)}]`;
    if (!Array.isArray(list)) {
      problems.push(`${key} must be an array of expressions, got ${describeValue(list)}`);
      continue;
    }
    list.forEach((item, i) => {
      const spec: Record<string, unknown> = isPlainObject(item) ? item : { threshold: item };
      const parsed = parseThreshold(spec.threshold as string);
      if (typeof parsed === 'string') {
        problems.push(`${key}[${i}]: ${parsed}`);
        return;
      }
      const delay = spec.delayAbortEval === undefined ? 0 : parseDuration(spec.delayAbortEval);
      if (delay === null || delay < 0)
        problems.push(`${key}[${i}].delayAbortEval must be a duration, got ${describeValue(spec.delayAbortEval)}`);
      out.push({ ...parsed, metric, abortOnFail: spec.abortOnFail === true, delayAbortEvalMs: delay ?? 0 });
    });
  }
  return out;
}

function resolveOptions(raw: unknown, problems: string[]): Omit<ResolvedLoadTest, 'scenarios' | 'thresholds'> {
  const o = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && !isPlainObject(raw)) problems.push(`options must be an object, got ${describeValue(raw)}`);
  const c = new Checker(o, 'options');
  const windowMs = c.duration('window', 1000, { positive: true });
  if (windowMs && (windowMs < 250 || windowMs > 5000))
    problems.push(`options.window must be between 250ms and 5s, got ${windowMs} ms`);
  const workers = c.count('workers', Math.max(1, availableParallelism()), { positive: true });
  const relativeAccuracy = c.count('relativeAccuracy', 0.01, { positive: true, integer: false });
  if (relativeAccuracy >= 1) problems.push(`options.relativeAccuracy must be in (0, 1), got ${relativeAccuracy}`);
  const b = isPlainObject(o.browser) ? o.browser : {};
  if (o.browser !== undefined && !isPlainObject(o.browser))
    problems.push(`options.browser must be an object, got ${describeValue(o.browser)}`);
  const connect = b.connect === undefined ? [] : Array.isArray(b.connect) ? b.connect : [b.connect];
  connect.forEach((e, i) => {
    if (typeof e !== 'string' || !/^wss?:\/\//.test(e))
      problems.push(`options.browser.connect[${i}] must be a ws:// endpoint, got ${describeValue(e)}`);
  });
  const g = isPlainObject(o.generator) ? o.generator : {};
  const gc = new Checker(g, 'options.generator');
  const maxCpu = gc.count('maxCpu', 0.9, { positive: true, integer: false });
  const maxEventLoopDelayMs = gc.count('maxEventLoopDelayMs', 100, { positive: true, integer: false });
  problems.push(...c.problems, ...gc.problems);
  const perfOptions = { ...LOAD_PERF_OPTIONS };
  if (o.perfOptions !== undefined) {
    if (!isPlainObject(o.perfOptions))
      problems.push(`options.perfOptions must be an object, got ${describeValue(o.perfOptions)}`);
    else
      for (const [k, v] of Object.entries(o.perfOptions)) {
        if (!(k in LOAD_PERF_OPTIONS))
          problems.push(`options.perfOptions.${k} is unknown (known: ${Object.keys(LOAD_PERF_OPTIONS).join(', ')})`);
        else if (typeof v !== 'boolean')
          problems.push(`options.perfOptions.${k} must be true or false, got ${describeValue(v)}`);
        else perfOptions[k] = v;
      }
  }
  const metric = o.scalabilityMetric ?? 'iteration';
  if (typeof metric !== 'string')
    problems.push(`options.scalabilityMetric must be a metric name, got ${describeValue(metric)}`);
  return {
    windowMs,
    workers,
    relativeAccuracy,
    perfOptions,
    browser: {
      connect: connect.filter((e): e is string => typeof e === 'string'),
      ...(typeof b.executablePath === 'string' ? { executablePath: b.executablePath } : {}),
      headless: b.headless !== false,
      args: Array.isArray(b.args) ? b.args.filter((a): a is string => typeof a === 'string') : [],
    },
    generator: { maxCpu, maxEventLoopDelayMs },
    scalabilityMetric: String(metric),
  };
}

/** Validates and normalises; throws LoadDefinitionError listing every problem. */
export function resolveLoadTest(def: unknown, file?: string): ResolvedLoadTest {
  const problems: string[] = [];
  if (!isPlainObject(def))
    throw new LoadDefinitionError(
      [`the default export must be defineLoadTest({ scenarios: … }), got ${describeValue(def)}`],
      file,
    );
  for (const key of Object.keys(def)) {
    if (!['scenarios', 'thresholds', 'options'].includes(key))
      problems.push(`${key} is not a load-test key (known: scenarios, thresholds, options)`);
  }
  const scenarios: ResolvedScenario[] = [];
  if (!isPlainObject(def.scenarios) || Object.keys(def.scenarios).length === 0) {
    problems.push(`scenarios must be an object with at least one scenario, got ${describeValue(def.scenarios)}`);
  } else {
    for (const [name, raw] of Object.entries(def.scenarios)) {
      const s = resolveScenario(name, raw, problems);
      if (s) scenarios.push(s);
    }
  }
  const thresholds = resolveThresholds(def.thresholds, problems);
  const options = resolveOptions(def.options, problems);
  if (problems.length) throw new LoadDefinitionError(problems, file);
  return { scenarios, thresholds, ...options };
}

/** Typed identity: `export default defineLoadTest({ … })` gives editor completion and type checks. */
export function defineLoadTest(def: LoadTestDefinition<IterationFn>): LoadTestDefinition<IterationFn> {
  return def;
}
