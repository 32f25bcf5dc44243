// Test-only fault injection (docs/options.md): PLAYWRIGHT_PERF_FAULT=<place>[,<place>…] makes the
// named places throw, to prove that failures inside playwright-perf are contained. The runner side
// reads the variable and passes the set down, so the pure analysis never reads the environment.
export const FAULT_ENV = 'PLAYWRIGHT_PERF_FAULT';

/** Places that must throw, e.g. `reporter.onEnd`, `analyze.slowest`. */
export type Faults = ReadonlySet<string>;

export function faultsFrom(env: Readonly<Record<string, string | undefined>>): Faults {
  return new Set(
    (env[FAULT_ENV] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function maybeFault(faults: Faults | undefined, where: string): void {
  if (faults?.has(where)) throw new Error(`injected fault in ${where} (${FAULT_ENV})`);
}
