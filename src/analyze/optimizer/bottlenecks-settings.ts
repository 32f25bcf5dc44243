// Settings that cost time on every run and are easy to miss: slowMo (delays every browser operation),
// headed browsers, and an expensive globalSetup. Each finding is priced from the run's own steps.
import type { Bottleneck, ProjectSnapshot, StepRecord } from '../../types';
import type { DetectContext } from './bottlenecks';
import { seconds, severityFor } from './bottlenecks';
import { round } from '../../util/round';
import { GLOBAL_SETUP_SLOW_MS } from './thresholds';

/** Browser lifecycle calls: slowMo does not delay them in a way a test waits for per action. */
const LIFECYCLE = /^(Launch browser|Create context|Create page|Close context|Close browser|Close page)/i;

/** Browser operations (pw:api steps, not nested in another one) that slowMo delays. */
export function slowedOperations(steps: StepRecord[]): number {
  let n = 0;
  for (const s of steps) {
    if (s.category === 'pw:api') n += LIFECYCLE.test(s.title) ? 0 : 1;
    else n += slowedOperations(s.steps);
  }
  return n;
}

const projectLabel = (p: ProjectSnapshot) => p.name || 'default';

function lanes(ctx: DetectContext): number {
  return Math.max(1, Math.min(ctx.model.workers, ctx.model.units.length));
}

export function detectSlowMo(ctx: DetectContext): Bottleneck[] {
  const projects = ctx.run.config.projects.filter((p) => (p.use.slowMo ?? 0) > 0);
  if (!projects.length) return [];
  let ops = 0,
    delayMs = 0;
  const affected: string[] = [];
  for (const p of projects) {
    for (const t of ctx.run.tests.filter((x) => x.project === p.name)) {
      affected.push(t.id);
      for (const r of t.results) {
        const n = slowedOperations(r.steps);
        ops += n;
        delayMs += n * p.use.slowMo!;
      }
    }
  }
  const costMs = delayMs / lanes(ctx);
  return [
    {
      id: 'settings.slow-mo',
      category: 'browser',
      severity: severityFor(costMs, ctx.run.wallTimeMs),
      title: `slowMo delays every browser operation (${projects.map((p) => `${projectLabel(p)}: ${p.use.slowMo} ms`).join(', ')})`,
      evidence: {
        slowMoMs: projects.map((p) => p.use.slowMo!).join(','),
        slowedOperations: ops,
        delayMsTotal: round(delayMs),
      },
      affectedTests: affected,
      estimatedCostS: seconds(costMs),
      rootCause: 'slowMo is a debugging aid: it waits before each click, fill and navigation, on every run.',
      recommendedActions: projects.map((p) => `${projectLabel(p)}: launchOptions.slowMo ${p.use.slowMo} → 0`),
    },
  ];
}

export function detectHeaded(ctx: DetectContext): Bottleneck[] {
  const projects = ctx.run.config.projects.filter((p) => p.use.headless === false);
  if (!projects.length) return [];
  const ids = new Set(projects.map((p) => p.name));
  return [
    {
      id: 'settings.headed',
      category: 'browser',
      severity: 'medium',
      title: `Headed browsers (${projects.map(projectLabel).join(', ')}): a window is drawn for every test`,
      evidence: { projects: projects.map(projectLabel).join(','), ci: String(ctx.run.meta.ci) },
      affectedTests: ctx.run.tests.filter((t) => ids.has(t.project)).map((t) => t.id),
      // One run cannot price it (there is no headless run to compare with): --validate measures it.
      estimatedCostS: 0,
      rootCause: 'headless: false is for watching a test; it renders every frame and needs a display server.',
      recommendedActions: projects.map(
        (p) => `${projectLabel(p)}: headless false → true (use --headed when you want to watch)`,
      ),
    },
  ];
}

export function detectGlobalSetup(ctx: DetectContext): Bottleneck[] {
  const setup = ctx.run.config.globalSetup ?? [];
  const ws = ctx.run.config.webServer;
  // A webServer started on every run explains the same wait; that finding covers it.
  if (!setup.length || (ws && ws.reuseExistingServer !== true) || ctx.model.preMs < GLOBAL_SETUP_SLOW_MS) return [];
  return [
    {
      id: 'setup.global-setup',
      category: 'test-execution',
      severity: severityFor(ctx.model.preMs, ctx.run.wallTimeMs),
      title: `${seconds(ctx.model.preMs)} s pass before the first test starts (globalSetup: ${setup.map((f) => f.split(/[\\/]/).pop()).join(', ')})`,
      evidence: { beforeFirstTestMs: round(ctx.model.preMs), globalSetup: setup.join(',') },
      affectedTests: [],
      estimatedCostS: seconds(ctx.model.preMs),
      rootCause: 'globalSetup runs before any worker starts, on every run, and nothing runs alongside it.',
      recommendedActions: [
        'Cache what it produces (storageState, seeded data) and skip the work while the cache is fresh,',
        'or move it into a setup project (dependencies) so its steps show in reports and can be filtered.',
      ],
    },
  ];
}
