// Pure: turns Playwright's `pw:api` log lines (timestamped on arrival) into per-call segments:
// resolve (until the locator matched) / actionability wait / action / navigation wait.
// Line shapes (Playwright 1.4x–1.65, server/frames.ts + dom.ts):
//   "=> locator.click started"                  client, call begins
//   "waiting for locator('#x')"                 resolve begins (waitFor adds " to be visible")
//   "  locator resolved to <button …>"          resolve ends (first occurrence)
//   "attempting click action" / "retrying click action"   one actionability attempt
//   "  element is visible, enabled and stable"  actionability satisfied
//   "  performing click action" / "  click action done"
//   "  waiting for scheduled navigations to finish" / "  navigations have finished"
//   "<= locator.click succeeded" | "<= locator.click failed"
// The same in 1.55–1.65 except assertions (see isAssertion).
import type { LocatorTiming } from '../types';
import { selectorKind } from '../protocol/selector-kind';
import { round } from '../util/round';

export interface LogLine {
  /** Epoch ms (fractional). */
  t: number;
  msg: string;
}

interface OpenCall {
  api: string;
  start: number;
  lines: LogLine[];
  overlapped: boolean;
}

const START = /^=> (\S+) started$/;
const END = /^<= (\S+) (succeeded|failed)$/;
const WAITING_FOR = /^waiting for (.+?)(?: to be (?:visible|hidden|attached|detached))?$/;
const RESOLVED = /^locator resolved to /;
const ATTEMPT = /^(?:attempting|retrying) [\w ]+ action/;
const RETRY = /^retrying [\w ]+ action|^element was detached from the DOM, retrying/;
const READY = /^element is (?!not\b)(?:visible|enabled|stable|editable)/;
const NAV_WAIT_START = /^waiting for scheduled navigations to finish/;
const NAV_WAIT_END = /^navigations have finished/;

/** `expect(locator)` polling is not a locator action. Before 1.63 its lines read "=> expect.toHaveText
 *  started"; since then '=> Expect "toHaveText" started', which START does not match at all. */
function isAssertion(api: string): boolean {
  return api.startsWith('expect.');
}

/** Selector as Playwright printed it in "waiting for …" (trailing state words removed). */
export function selectorFromWaitingLine(msg: string): string | null {
  const m = WAITING_FOR.exec(msg.trim());
  if (!m) return null;
  const s = m[1];
  // "waiting for element to be visible…" and "waiting for fonts…" are not selectors.
  if (/^(element|fonts|scheduled navigations|\d+ms)\b/.test(s)) return null;
  return s;
}

export function segmentCall(
  api: string,
  start: number,
  end: number,
  ok: boolean,
  lines: LogLine[],
): LocatorTiming | null {
  let selector: string | null = null;
  let resolvedAt: number | undefined;
  let readyAt: number | undefined;
  let lastAttemptAt: number | undefined;
  let navStart: number | undefined;
  let navWait = 0;
  let retries = 0;
  for (const l of lines) {
    const msg = l.msg.trim();
    if (selector === null) {
      const s = selectorFromWaitingLine(msg);
      if (s) {
        selector = s;
        continue;
      }
    }
    if (resolvedAt === undefined && RESOLVED.test(msg)) resolvedAt = l.t;
    else if (ATTEMPT.test(msg)) lastAttemptAt = l.t;
    else if (READY.test(msg)) readyAt = l.t;
    else if (NAV_WAIT_START.test(msg)) navStart = l.t;
    else if (NAV_WAIT_END.test(msg) && navStart !== undefined) {
      navWait += l.t - navStart;
      navStart = undefined;
    }
    if (RETRY.test(msg)) retries++;
  }
  if (!selector) return null;
  if (navStart !== undefined) navWait += end - navStart;
  const total = Math.max(0, end - start);
  const resolveEnd = resolvedAt ?? end;
  // Actionability ends at the last "element is visible…" line; actions without one (fill checks
  // inside its final attempt) end it at the start of the last attempt.
  let actionStart = resolveEnd;
  if (resolvedAt !== undefined) {
    const candidate =
      readyAt !== undefined && readyAt >= resolvedAt
        ? readyAt
        : lastAttemptAt !== undefined && lastAttemptAt >= resolvedAt
          ? lastAttemptAt
          : resolvedAt;
    actionStart = candidate;
  }
  const action = api.includes('.') ? api.slice(api.lastIndexOf('.') + 1) : api;
  return {
    selector,
    action,
    startTime: round(start, 2),
    totalMs: round(total, 2),
    resolveMs: round(resolveEnd - start, 2),
    actionabilityMs: round(actionStart - resolveEnd, 2),
    actionMs: round(Math.max(0, end - actionStart - navWait), 2),
    navigationWaitMs: round(navWait, 2),
    retries,
    kind: selectorKind(selector),
    ok,
  };
}

/** Streaming segmenter: feed every line in arrival order; completed calls come out of `take()`. */
export class ActionLogSegmenter {
  private open: OpenCall | null = null;
  private done: LocatorTiming[] = [];
  /** Calls that overlapped another call (concurrent API use): not segmented, counted. */
  overlapped = 0;

  push(line: LogLine): void {
    const msg = line.msg;
    const start = START.exec(msg);
    if (start) {
      if (this.open) {
        if (!this.open.overlapped) this.overlapped++;
        this.open.overlapped = true;
        this.overlapped++;
        this.open = { api: start[1], start: line.t, lines: [], overlapped: true };
        return;
      }
      this.open = { api: start[1], start: line.t, lines: [], overlapped: false };
      return;
    }
    const end = END.exec(msg);
    if (end) {
      const call = this.open;
      this.open = null;
      if (!call || call.overlapped || call.api !== end[1] || isAssertion(call.api)) return;
      const timing = segmentCall(call.api, call.start, line.t, end[2] === 'succeeded', call.lines);
      if (timing) this.done.push(timing);
      return;
    }
    if (this.open && this.open.lines.length < 500) this.open.lines.push(line);
  }

  take(): LocatorTiming[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  reset(): void {
    this.open = null;
    this.done = [];
    this.overlapped = 0;
  }
}
