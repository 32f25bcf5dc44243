// Pure: which test step was running at a given time. Used to tie navigations, vitals, long tasks
// and locator calls (measured in the worker/page with epoch timestamps) to the step that caused
// them (`Click`, `Navigate to "/login"`, a `test.step` title…). The innermost step wins.
import type { StepRecord, TestResultRecord } from '../../types';

/** Slack for clock granularity between the page (performance.timeOrigin) and the runner. */
const EDGE_MS = 2;

export function stepAt(steps: StepRecord[], time: number): StepRecord | undefined {
  for (const s of steps) {
    if (time >= s.startTime - EDGE_MS && time <= s.startTime + s.durationMs + EDGE_MS) {
      return stepAt(s.steps, time) ?? s;
    }
  }
  return undefined;
}

/** Title for display: pw:api titles plus their main param (url/selector) when it adds information. */
export function stepLabel(step: StepRecord | undefined): string | undefined {
  if (!step) return undefined;
  const p = step.params ?? {};
  const detail = p.url ?? p.selector ?? p.locator;
  return detail && !step.title.includes(detail) ? `${step.title} ${detail}` : step.title;
}

export function stepTitleAt(result: TestResultRecord, time: number): string | undefined {
  return stepLabel(stepAt(result.steps, time));
}
