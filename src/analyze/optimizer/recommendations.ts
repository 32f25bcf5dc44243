// Recommendations: what to change for each bottleneck, with the expected saving computed from the
// measurements (schedule model for workers/fullyParallel, measured artifact/retry/login time for the
// rest), a confidence, a risk and prerequisites. Pure; the config edits are applied by src/optimize.
import type { Bottleneck, ConfigEdit, PerfError, ProjectSnapshot, Recommendation } from '../../types';
import { contain } from '../../util/errors';
import { detectBottlenecks, type DetectInput } from './bottlenecks';
import { round } from '../../util/round';
import { planParallelism } from './bottlenecks-parallelism';
import { artifactTarget } from './bottlenecks-config';
import { buildSuiteModel, modelErrorPct, predictWall, type SuiteModel } from './suite-model';

export interface OptimizerAnalysis {
  bottlenecks: Bottleneck[];
  recommendations: Recommendation[];
  /** Predicted wall time with every config recommendation applied (schedule model). */
  predictedWallMs: number;
  modelErrorPct: number;
  errors: PerfError[];
}

/** Model error under which the schedule prediction earns 'medium' confidence (measured: 3–12 % on our sample suite). */
const MODEL_ERROR_OK = 0.15;

type Builder = (b: Bottleneck, x: BuildContext) => Recommendation | null;
interface BuildContext extends DetectInput {
  model: SuiteModel;
  modelError: number;
  wall: number;
}

function rec(
  b: Bottleneck,
  x: BuildContext,
  r: Omit<Recommendation, 'id' | 'bottleneckId' | 'expectedSavingPct'>,
): Recommendation {
  const saving = Math.max(0, Math.round(r.expectedSavingMs));
  return {
    id: `rec.${b.id}`,
    bottleneckId: b.id,
    ...r,
    expectedSavingMs: saving,
    expectedSavingPct: x.wall > 0 ? round((saving / x.wall) * 100, 1) : 0,
  };
}

const parallelConfidence = (x: BuildContext): Recommendation['confidence'] =>
  Math.abs(x.modelError) <= MODEL_ERROR_OK ? (x.model.cpuAvg !== null ? 'high' : 'medium') : 'low';

const workers: Builder = (b, x) => {
  const plan = planParallelism(x.model, x.wall);
  const w = plan.best.workers;
  if (w === x.model.workers) return null;
  const saving = predictWall(x.model, x.model.workers).wallMs - predictWall(x.model, w).wallMs;
  return rec(b, x, {
    title: `workers: ${x.model.workers} → ${w}`,
    description: `Predicted wall ${round(predictWall(x.model, w).wallMs / 1000, 1)} s instead of ${round(x.wall / 1000, 1)} s. A measured sweep (${plan.sweep.join(', ')}) picks the final number.`,
    expectedSavingMs: saving,
    confidence: parallelConfidence(x),
    risk: w > x.model.cpus ? 'medium' : 'low',
    prerequisites:
      w > x.model.workers ? ['Test files must not share state across workers (accounts, files, DB rows).'] : [],
    edits: [{ path: 'workers', from: x.run.config.workers, to: w }],
    kind: 'config',
    basis: `list-scheduling of ${x.model.units.length} measured groups over ${w} workers + measured launch ${Math.round(x.model.launchMs)} ms/worker; model error on this run ${round(x.modelError * 100, 1)} %`,
    sweep: plan.sweep,
  });
};

const fullyParallel: Builder = (b, x) => {
  const plan = planParallelism(x.model, x.wall);
  const w = plan.best.workers;
  const saving = predictWall(x.model, w, false).wallMs - predictWall(x.model, w, true).wallMs;
  return rec(b, x, {
    title: 'fullyParallel: false → true',
    description: `Lets Playwright spread the tests of ${b.evidence.biggestFile} over all workers.`,
    expectedSavingMs: saving,
    confidence: parallelConfidence(x),
    risk: 'medium',
    prerequisites: [
      'Tests in a file must not depend on each other (no shared state, no test.describe.serial, no beforeAll data they mutate).',
    ],
    edits: [{ path: 'fullyParallel', from: false, to: true }],
    kind: 'config',
    // A tie in the model (found by the long-tail share alone) is left to --validate to measure:
    // worker start-up and uneven test times, which the model averages away, decide it.
    ...(Math.round(saving) > 0 ? {} : { unpriced: true }),
    basis:
      Math.round(saving) > 0
        ? `schedule model at ${w} workers: file groups vs single tests`
        : `not priced: file groups and single tests tie at ${w} workers in the schedule model; --validate measures it`,
  });
};

const artifacts: Builder = (b, x) => {
  const kind = b.id.split('.')[1] as 'trace' | 'video' | 'screenshot';
  const projects = x.run.config.projects.filter((p) => artifactTarget(kind, p.use[kind] ?? 'off', p.retries));
  const targets = projects.map((p) => ({ p, to: artifactTarget(kind, p.use[kind]!, p.retries)! }));
  const uniform =
    projects.length === x.run.config.projects.length &&
    new Set(targets.map((t) => `${t.p.use[kind]}>${t.to}`)).size === 1;
  const edits: ConfigEdit[] = uniform
    ? [{ path: `use.${kind}`, from: projects[0].use[kind], to: targets[0].to }]
    : targets.map((t) => ({ path: `projects[${t.p.name}].use.${kind}`, from: t.p.use[kind], to: t.to }));
  return rec(b, x, {
    title: edits.map((e) => `${e.path}: '${e.from}' → '${e.to}'`).join('; '),
    description: `Stop recording a ${kind} for passing tests; failures keep theirs.`,
    expectedSavingMs: b.estimatedCostS * 1000,
    confidence: 'historyCostMs' in b.evidence ? 'medium' : 'low',
    risk: 'low',
    prerequisites: targets.some((t) => t.to === 'on-first-retry')
      ? [`The ${kind} is then recorded on the first retry only: keep retries > 0 where you need it.`]
      : [],
    edits,
    kind: 'config',
    basis:
      'historyCostMs' in b.evidence
        ? 'median wall of past runs with the trace on vs off'
        : `lower bound: measured ${kind} save time in context teardown (recording overhead during the test is only seen by --validate)`,
  });
};

/** One edit at `use.<path>` when every project has the same value, else one per project. */
function useEdits(
  x: BuildContext,
  path: string,
  value: (p: ProjectSnapshot) => unknown,
  applies: (p: ProjectSnapshot) => boolean,
  to: unknown,
): ConfigEdit[] {
  const projects = x.run.config.projects.filter(applies);
  const uniform =
    projects.length === x.run.config.projects.length && new Set(projects.map((p) => String(value(p)))).size === 1;
  return uniform
    ? [{ path: `use.${path}`, from: value(projects[0]), to }]
    : projects.map((p) => ({ path: `projects[${p.name}].use.${path}`, from: value(p), to }));
}

const slowMo: Builder = (b, x) => {
  const edits = useEdits(
    x,
    'launchOptions.slowMo',
    (p) => p.use.slowMo,
    (p) => (p.use.slowMo ?? 0) > 0,
    0,
  );
  return rec(b, x, {
    title: edits.map((e) => `${e.path}: ${e.from} → 0`).join('; '),
    description:
      'Stop waiting before every click, fill and navigation (slowMo is for watching a test, not for running the suite).',
    expectedSavingMs: b.estimatedCostS * 1000,
    confidence: 'high',
    risk: 'low',
    prerequisites: [],
    edits,
    kind: 'config',
    basis: `${b.evidence.slowedOperations} measured browser operations × slowMo ÷ parallel workers`,
  });
};

const headed: Builder = (b, x) =>
  rec(b, x, {
    title: 'headless: false → true',
    description: 'Run without drawing browser windows; pass --headed when you want to watch a test.',
    expectedSavingMs: 0,
    confidence: 'low',
    risk: 'low',
    prerequisites: [],
    edits: useEdits(
      x,
      'headless',
      () => false,
      (p) => p.use.headless === false,
      true,
    ),
    kind: 'config',
    unpriced: true,
    basis: 'not priced from one run (there is no headless run to compare with): --validate measures it',
  });

const retriesDeterministic: Builder = (b, x) => {
  const retries = Number(b.evidence.retries);
  const local = !x.run.meta.ci;
  return rec(b, x, {
    title: local ? `retries: ${retries} → process.env.CI ? ${retries} : 0` : 'Fail fast on deterministic failures',
    description: 'Retries repeated failures that fail every time.',
    expectedSavingMs: b.estimatedCostS * 1000,
    confidence: 'high',
    risk: 'low',
    prerequisites: [],
    edits: local ? [{ path: 'retries', from: retries, to: 0, toExpression: `process.env.CI ? ${retries} : 0` }] : [],
    kind: local ? 'config' : 'code',
    basis: 'Σ measured durations of retry attempts that failed again ÷ workers',
  });
};

const timeouts: Builder = (b, x) =>
  rec(b, x, {
    title: `timeout: ${b.evidence.timeoutMs} → ${b.evidence.proposedTimeoutMs}`,
    description:
      b.id === 'timeouts.tight'
        ? 'Give slow but healthy tests room before they are called failures.'
        : 'A hang fails sooner; healthy tests keep 3× their p99.',
    expectedSavingMs: b.estimatedCostS * 1000,
    confidence: Number(b.evidence.passingSamples) >= 100 ? 'high' : 'medium',
    risk: b.id === 'timeouts.tight' ? 'low' : 'medium',
    prerequisites:
      b.id === 'timeouts.far' ? ['Run on CI machines no slower than this run (or check the p99 there first).'] : [],
    edits: [{ path: 'timeout', from: b.evidence.timeoutMs, to: b.evidence.proposedTimeoutMs }],
    kind: 'config',
    basis: `p99 of ${b.evidence.passingSamples} passing attempts × 3`,
  });

const webServer: Builder = (b, x) =>
  rec(b, x, {
    title: 'webServer.reuseExistingServer: !process.env.CI',
    description: 'Locally, reuse a server that is already running instead of starting one per run.',
    expectedSavingMs: b.estimatedCostS * 1000,
    confidence: 'low',
    risk: 'low',
    prerequisites: ['Keep the dev server running locally between runs.'],
    edits: [
      {
        path: 'webServer.reuseExistingServer',
        from: b.evidence.reuseExistingServer === 'true',
        to: false,
        toExpression: '!process.env.CI',
      },
    ],
    kind: 'config',
    basis: 'upper bound: time from run start to the first test (includes worker start-up)',
  });

const advice =
  (title: string, risk: Recommendation['risk'], prerequisites: string[] = []): Builder =>
  (b, x) =>
    rec(b, x, {
      title,
      description: (b.recommendedActions ?? []).join(' '),
      expectedSavingMs: b.estimatedCostS * 1000,
      confidence: 'medium',
      risk,
      prerequisites,
      edits: [],
      kind: 'code',
      basis: 'measured time of the affected steps ÷ workers (code change — not applied automatically)',
    });

const BUILDERS: Record<string, Builder> = {
  'parallelism.workers': workers,
  'cpu.saturated': workers,
  'parallelism.long-tail': fullyParallel,
  'artifacts.trace': artifacts,
  'artifacts.video': artifacts,
  'artifacts.screenshot': artifacts,
  'retries.deterministic': retriesDeterministic,
  'retries.flaky': advice('Fix the flaky tests that retries hide', 'low'),
  'timeouts.far': timeouts,
  'timeouts.tight': timeouts,
  'web-server.slow-start': webServer,
  'settings.slow-mo': slowMo,
  'settings.headed': headed,
  'setup.global-setup': advice('Cache or shorten globalSetup', 'low'),
  'browser.per-test-launch': advice('Use the browser fixture instead of launching browsers in tests', 'low'),
  'browser.slow-context': advice('Make context creation cheaper', 'low'),
  'flow.repeated-login': advice('Log in once in a setup project and reuse storageState', 'medium', [
    'Tests must tolerate a shared logged-in session (no test logs the user out or changes the password).',
  ]),
  'locator.slow': advice('Wait for the data, not the element', 'low'),
  'locator.language-dependent': advice('Use language-independent locators', 'low'),
  'memory.pressure': advice('Reduce memory per worker or the worker count', 'low'),
  'cpu.external-load': advice('Measure on a quiet machine', 'low'),
};

export function optimizeAnalysis(input: DetectInput): OptimizerAnalysis {
  const errors: PerfError[] = [];
  const bottlenecks = detectBottlenecks(input, errors);
  const model = buildSuiteModel(input.run);
  const x: BuildContext = {
    ...input,
    model,
    modelError: modelErrorPct(model, input.run.wallTimeMs),
    wall: input.run.wallTimeMs,
  };
  const recommendations: Recommendation[] = [];
  for (const b of bottlenecks) {
    const build = BUILDERS[b.id];
    const r = build ? contain(`optimize.recommend.${b.id}`, errors, () => build(b, x), null) : null;
    // One recommendation per config path: the saturated-CPU and idle-worker findings both set workers.
    if (
      r &&
      !recommendations.some((o) => o.edits.length && o.edits.every((e) => r.edits.some((f) => f.path === e.path)))
    )
      recommendations.push(r);
  }
  recommendations.sort((a, b) => b.expectedSavingMs - a.expectedSavingMs);
  const plan = planParallelism(model, x.wall);
  const configSaving = recommendations
    .filter((r) => r.kind === 'config' && !r.edits.some((e) => e.path === 'workers' || e.path === 'fullyParallel'))
    .reduce((s, r) => s + r.expectedSavingMs, 0);
  const parallelWall = recommendations.some((r) =>
    r.edits.some((e) => e.path === 'workers' || e.path === 'fullyParallel'),
  )
    ? x.wall - (predictWall(model, model.workers).wallMs - plan.best.wallMs)
    : x.wall;
  return {
    bottlenecks,
    recommendations,
    predictedWallMs: Math.max(0, Math.round(parallelWall - configSaving)),
    modelErrorPct: round(x.modelError * 100, 1),
    errors,
  };
}

export function recommend(input: DetectInput): Recommendation[] {
  return optimizeAnalysis(input).recommendations;
}
