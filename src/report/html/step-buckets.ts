// Attributes a test attempt's time to the report's buckets (fixtures, hooks, navigation, actions,
// assertions, waits, other) by walking its step tree. Containers (test.step, "Before Hooks") are
// opened so a fixture inside a hook counts as fixture time; time a container spends outside its
// children stays with the container's own bucket. Nothing is counted twice.
import type { StepRecord } from '../../types';
import { BUCKETS, type Bucket } from './view-model-types';

/** Playwright's titles for navigations (1.4x–1.6x "Navigate to …", page.goto, reload, history). */
const NAVIGATION_TITLE =
  /^(navigate|page\.goto|goto|reload|page\.reload|go back|go forward|page\.go(back|forward)|wait for (url|navigation|load state)|page\.waitFor(url|navigation|loadstate))/i;
/** Explicit waits: waitForTimeout, waitForSelector, waitForResponse, locator.waitFor, … */
const WAIT_TITLE = /^(wait|page\.waitfor|locator\.waitfor|frame\.waitfor)/i;

export const BUCKET_INDEX: Record<Bucket, number> = Object.fromEntries(BUCKETS.map((b, i) => [b, i])) as Record<
  Bucket,
  number
>;

/** Bucket a step falls in by itself (before its children are looked at). */
export function stepBucket(step: Pick<StepRecord, 'title' | 'category'>): Bucket {
  switch (step.category) {
    case 'fixture':
      return 'fixtures';
    case 'hook':
      return 'hooks';
    case 'expect':
      return 'assertions';
    case 'pw:api':
      if (NAVIGATION_TITLE.test(step.title)) return 'navigation';
      if (WAIT_TITLE.test(step.title)) return 'waits';
      return 'actions';
    default:
      return 'other'; // test.step, test.attach, custom categories
  }
}

/** Steps whose children carry the real attribution. */
function isContainer(step: StepRecord): boolean {
  return step.category === 'test.step' || step.category === 'hook';
}

/** Milliseconds per bucket (BUCKETS order) for one attempt of `durationMs`. */
export function bucketTimes(steps: StepRecord[], durationMs: number): number[] {
  const out = BUCKETS.map(() => 0);
  const covered = addSteps(steps, out);
  out[BUCKET_INDEX.other] += Math.max(0, durationMs - covered);
  return out.map((v) => Math.round(v));
}

/** Adds each step's own time to its bucket; returns the time the steps cover (overlaps merged). */
function addSteps(steps: StepRecord[], out: number[]): number {
  for (const s of steps) {
    const own = stepBucket(s);
    if (isContainer(s) && s.steps.length > 0) {
      const inner = addSteps(s.steps, out);
      out[BUCKET_INDEX[own]] += Math.max(0, s.durationMs - inner);
    } else {
      out[BUCKET_INDEX[own]] += s.durationMs;
    }
  }
  return coveredMs(steps);
}

/** Union length of the steps' intervals: parallel steps (Promise.all) must not exceed wall time. */
function coveredMs(steps: StepRecord[]): number {
  if (steps.length === 0) return 0;
  const iv = steps.map((s) => [s.startTime, s.startTime + s.durationMs]).sort((a, b) => a[0] - b[0]);
  let total = 0,
    [cs, ce] = iv[0];
  for (let i = 1; i < iv.length; i++) {
    const [s, e] = iv[i];
    if (s > ce) {
      total += ce - cs;
      cs = s;
      ce = e;
    } else ce = Math.max(ce, e);
  }
  return total + (ce - cs);
}
