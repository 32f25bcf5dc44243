// What kind of Playwright invocation the reporter is part of, and so what it may write. Playwright
// tells reporters only `options._mode` ('list' for `--list`, 'merge' for merge-reports, 'test'
// otherwise); UI mode, watch mode and the IDE test server all say 'test', and so do
// `--last-failed` and `--only-changed` runs, so those are told apart by the runner's own command
// line and environment (the reporter runs in the runner process).

export type RunMode =
  /** `playwright test --list` (IDEs call it constantly): nothing is written or recorded. */
  | { kind: 'list' }
  /** A run whose samples may become a baseline (a normal run or a merge of shards). */
  | { kind: 'baseline' }
  /** A real run that is reported and compared, but not added to history. `interactive`: UI, watch
   *  or IDE runs, where the gate is off too (nobody reads an exit code there). */
  | { kind: 'not-baseline'; reason: string; interactive: boolean };

export interface RunModeInput {
  /** `options._mode` as Playwright passed it. */
  mode: unknown;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

const hasFlag = (argv: readonly string[], flag: string) => argv.some((a) => a === flag || a.startsWith(`${flag}=`));

export function detectRunMode({ mode, argv, env }: RunModeInput): RunMode {
  if (mode === 'list') return { kind: 'list' };
  if (mode === 'merge') return { kind: 'baseline' };
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  if (command === 'test-server' || command === 'run-test-server' || command === 'run-test-mcp-server') {
    const reason = 'a run started from the test server (IDE or MCP) is not a baseline run';
    return { kind: 'not-baseline', reason, interactive: true };
  }
  if (hasFlag(argv, '--ui') || hasFlag(argv, '--ui-host') || hasFlag(argv, '--ui-port')) {
    return { kind: 'not-baseline', reason: 'runs in UI mode (--ui) are not baseline runs', interactive: true };
  }
  if (env.PWTEST_WATCH)
    return { kind: 'not-baseline', reason: 'runs in watch mode are not baseline runs', interactive: true };
  if (hasFlag(argv, '--last-failed')) {
    return {
      kind: 'not-baseline',
      reason: 'a --last-failed run re-runs only tests that failed before',
      interactive: false,
    };
  }
  if (hasFlag(argv, '--only-changed')) {
    return {
      kind: 'not-baseline',
      reason: 'an --only-changed run covers only the changed test files',
      interactive: false,
    };
  }
  return { kind: 'baseline' };
}

/** A run in which no test executed (none matched `--grep`, or every test was skipped) measured
 *  nothing. Planned tests with nothing recorded is not that: our own hooks may have failed (then the
 *  report with its errors is written as usual). */
export function executedNoTest(
  tests: ReadonlyArray<{ results: ReadonlyArray<{ status: string }> }>,
  plannedTests: number | undefined,
): boolean {
  if (tests.length === 0) return plannedTests === 0;
  return tests.every((t) => t.results.every((r) => r.status === 'skipped'));
}
