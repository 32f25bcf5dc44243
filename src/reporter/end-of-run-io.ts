// The reporter's two bits of I/O beyond the reports themselves, each returning its problem instead
// of throwing: the start-of-run output folder check and the end-of-run Pushgateway push.
import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import type { JsonReport } from '../types';
import type { ResolvedPrometheus } from '../export/options';
import { errorMessage } from '../util/errors';
import { type Faults, maybeFault } from '../util/fault';

/** Why `dir` cannot take the reports, or undefined when it can (it is created when missing). */
export function outputDirProblem(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, fsConstants.W_OK);
    return undefined;
  } catch (e) {
    return `option "outputDir": cannot write to ${dir} (${errorMessage(e)}); the tests still run, but no reports will be written`;
  }
}

/** Pushes the run's metrics; resolves to the error instead of rejecting. */
export async function pushContained(
  report: JsonReport,
  prometheus: ResolvedPrometheus,
  faults: Faults,
): Promise<unknown | undefined> {
  try {
    maybeFault(faults, 'export.push');
    // prom-client costs ~0.1-0.3 s to load: only runs that push pay for it.
    const { pushRunMetrics } = require('../export/push') as typeof import('../export/push');
    await pushRunMetrics(report, prometheus);
    return undefined;
  } catch (e) {
    return e;
  }
}
