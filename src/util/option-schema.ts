// Option checking on valibot schemas. A schema says what a value must be (and gives its type);
// `expected` says it in words for the message, so every message names the key, what it wanted and
// what it got — the same wording across the reporter, fixture, preset, history, budget and gate
// options. valibot: small, no dependencies, typed output, usable from CommonJS.
import * as v from 'valibot';

export { v };

/** One option: the schema a given value must satisfy and what a message says it expects. */
export interface OptionSpec<T> {
  schema: v.GenericSchema<unknown, T>;
  expected: string;
}

export function option<T>(schema: v.GenericSchema<unknown, T>, expected: string): OptionSpec<T> {
  return { schema, expected };
}

/** The parsed value, or undefined when it does not satisfy the spec. */
export function parseOption<T>(spec: OptionSpec<T>, value: unknown): { ok: true; value: T } | { ok: false } {
  const r = v.safeParse(spec.schema, value);
  return r.success ? { ok: true, value: r.output } : { ok: false };
}

/** A plain object (not null, not an array). */
export const plainObject = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
);
export const nonEmptyString = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== ''),
);
export const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
export const finiteNumber = v.pipe(v.number(), v.finite());
export const stringRecord = v.pipe(plainObject, v.record(v.string(), v.string()));
