// The report page's data: the embedded view model (typed by the server's own definition), typed
// row accessors, and the per-page context every view receives. Nothing here is a global: main.ts
// creates one context per page load and hands it to the router.
import type { FilterState } from './components/filtered-table';
import {
  ATTEMPT_ROW,
  BUCKETS,
  IDLE_GAP_ROW,
  OUTCOMES,
  STATUSES,
  STEP_ROW,
  SYSTEM_SAMPLE_ROW,
  TEST_ROW,
  type TestDetail,
  type TestRow,
  type ViewModel,
} from '../html/view-model-types';

export { BUCKETS, OUTCOMES, STATUSES };

/** The `pp-data` block: the view model without the test details (they come in `pp-details`). */
export type PageModel = Omit<ViewModel, 'details'> & { details: null };
export type Details = ViewModel['details'];

/** Typed getters of the compact rows, e.g. `T.title(row)`. */
export const T = TEST_ROW.field;
export const A = ATTEMPT_ROW.field;
export const S = STEP_ROW.field;
export const GAP = IDLE_GAP_ROW.field;
export const SYS = SYSTEM_SAMPLE_ROW.field;

export interface TestLookup {
  /** Index of a test by its id, or by history's subject (`file › describe › title`) per project. */
  indexOf(subject: string, project?: string): number | undefined;
  /** Lower-cased search text per test (title, path, file, tags, project, id). */
  searchText: readonly string[];
}

export interface ReportContext {
  readonly vm: PageModel;
  /** Test details; null until the `pp-details` block has been read. */
  details: Details | null;
  readonly tests: TestLookup;
  /** The test list's filter state and current order (test detail's previous/next follows it). */
  readonly list: { state: FilterState; order: number[] };
  /** A string from the interned table. */
  str(i: number): string;
}

/** Throws when the embedded rows were written in another column order than this page reads. */
export function checkColumns(vm: PageModel): void {
  const checks: Array<[string, boolean]> = [
    ['tests', TEST_ROW.matches(vm.cols.tests)],
    ['attempts', ATTEMPT_ROW.matches(vm.cols.attempts)],
    ['steps', STEP_ROW.matches(vm.cols.steps)],
    ['buckets', vm.cols.buckets.length === BUCKETS.length && vm.cols.buckets.every((b, i) => b === BUCKETS[i])],
  ];
  const bad = checks.filter(([, ok]) => !ok).map(([name]) => name);
  if (bad.length) throw new Error(`report data columns (${bad.join(', ')}) do not match this page's version`);
}

export function createContext(vm: PageModel): ReportContext {
  const str = (i: number) => vm.strings[i] ?? '';
  return {
    vm,
    details: null,
    tests: testLookup(vm, str),
    list: { state: { q: '', selects: {}, sort: { key: 'durationMs', dir: -1 } }, order: vm.tests.map((_, i) => i) },
    str,
  };
}

/** Built on first use: at 100,000 tests the maps and the search texts take about a second, and
 *  the first view (overview) needs neither. */
function testLookup(vm: PageModel, str: (i: number) => string): TestLookup {
  let byId: Map<string, number> | undefined;
  let bySubject: Map<string, number> | undefined;
  let searchText: string[] | undefined;
  const maps = () => {
    if (!byId || !bySubject) {
      byId = new Map<string, number>(vm.tests.map((t, i) => [T.id(t), i]));
      const subjects = new Map<string, number>();
      vm.tests.forEach((t, i) => {
        const subject = [str(T.file(t)), ...(T.path(t) ? [T.path(t)] : []), T.title(t)].join(' › ');
        subjects.set(subject + '\u0000' + str(T.project(t)), i);
        if (!subjects.has(subject)) subjects.set(subject, i);
      });
      bySubject = subjects;
    }
    return { byId, bySubject };
  };
  return {
    indexOf: (subject, project) => {
      const m = maps();
      return m.byId.get(subject) ?? m.bySubject.get(subject + '\u0000' + (project ?? '')) ?? m.bySubject.get(subject);
    },
    get searchText(): readonly string[] {
      searchText ??= vm.tests.map((t: TestRow) =>
        [T.title(t), T.path(t), str(T.file(t)), T.tags(t), str(T.project(t)), T.id(t)].join('\n').toLowerCase(),
      );
      return searchText;
    },
  };
}

/** Bucket values of a test row, in BUCKETS order. */
export function testBucketValues(t: TestRow): number[] {
  return BUCKETS.map((b) => T[b](t));
}

export function outcomeName(code: number): (typeof OUTCOMES)[number] {
  return OUTCOMES[code] ?? 'passed';
}

export function statusName(code: number): (typeof STATUSES)[number] {
  return STATUSES[code] ?? 'passed';
}

export type { TestDetail };
