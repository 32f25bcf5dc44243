// Compact rows with named, typed access. The view model ships big lists (tests, attempts, steps) as
// arrays of values in column order, because repeating field names would double a 10,000-test
// report. A codec ties such a row to an interface of named fields: the server builds rows from
// objects (`encode`) and the page reads them by name (`field.title(row)`), both type-checked
// against the same interface, so neither side ever writes a column number.
// Pure and dependency-free: it is bundled into the page as well as compiled for Node.

declare const ROW_FIELDS: unique symbol;

/** Values of F in column order. The phantom property only carries F for the type checker (an
 *  interface, so a row type may contain rows of itself: step trees). */
export interface CompactRow<F> extends Array<F[keyof F]> {
  readonly [ROW_FIELDS]?: F;
}

/** One typed getter per field. */
export type RowAccessors<F> = { readonly [K in keyof F]: (row: CompactRow<F>) => F[K] };

export interface RowCodec<F> {
  /** Field names in column order (what travels in the view model's `cols`). */
  readonly cols: ReadonlyArray<keyof F & string>;
  /** Typed getters, e.g. `TEST_ROW.field.title(row)`. */
  readonly field: RowAccessors<F>;
  /** Builds a row from named fields. */
  encode(fields: F): CompactRow<F>;
  /** Reads every field at once. */
  decode(row: CompactRow<F>): F;
  /** Overwrites one field of a row in place. */
  set<K extends keyof F>(row: CompactRow<F>, key: K, value: F[K]): void;
  /** Column number of a field (for code that must reason about positions, e.g. tests). */
  index(key: keyof F & string): number;
  /** True when `cols` (e.g. read from an embedded model) is exactly this codec's column order. */
  matches(cols: readonly string[]): boolean;
}

/** Compile-time check that a column list names every field of F (extra names are refused by the
 *  parameter type already). */
type EveryField<F, C extends readonly PropertyKey[]> =
  Exclude<keyof F, C[number]> extends never ? C : { missingColumns: Exclude<keyof F, C[number]> };

/** `rowCodec<Fields>()(['a', 'b'] as const)`: curried so F is explicit and the columns inferred. */
export function rowCodec<F>() {
  return <const C extends ReadonlyArray<keyof F & string>>(cols: C & EveryField<F, C>): RowCodec<F> => {
    const list: ReadonlyArray<keyof F & string> = cols;
    const position = new Map<keyof F, number>(list.map((c, i) => [c, i]));
    if (position.size !== list.length) throw new Error(`row columns repeat a name: ${list.join(', ')}`);
    const at = (key: keyof F): number => {
      const i = position.get(key);
      if (i === undefined) throw new Error(`unknown row field "${String(key)}"`);
      return i;
    };
    const field = Object.fromEntries(
      list.map((c, i) => [c, (row: CompactRow<F>) => row[i]]),
    ) as unknown as RowAccessors<F>;
    return {
      cols: list,
      field,
      encode: (fields) => list.map((c) => fields[c]) as CompactRow<F>,
      decode: (row) => Object.fromEntries(list.map((c, i) => [c, row[i]])) as F,
      set: (row, key, value) => {
        row[at(key)] = value;
      },
      index: at,
      matches: (other) => other.length === list.length && other.every((c, i) => c === list[i]),
    };
  };
}
