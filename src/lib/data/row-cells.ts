/** Reading cells for the fast paths of task and progress rows (task-row-reader.ts, progress-row-reader.ts). */

// Any cell a fast path does not handle gives undefined, and the row goes through its zod schema,
// which gives the same value for a valid row and the documented messages for an invalid one.
/** A cell as the schemas' text fields read it: empty when absent, cleaned when text, undefined (use the schema) otherwise. */
export function textOf(v: unknown, clean: (s: string) => string): string | undefined {
  return v === undefined || v === null ? '' : typeof v === 'string' ? clean(v) : undefined;
}

/** The value of column k of a row: `at[k]` is its position among the fields, -1 when the table has no such column. */
export function cellAt(fields: readonly unknown[], at: readonly number[], k: number): unknown {
  const i = at[k]!;
  return i < 0 ? undefined : fields[i];
}

/** Where each name is among a table's columns: the last column of that name (as in the row's cells object), or -1. */
export function fieldPositions(columns: readonly string[], names: readonly string[]): number[] {
  return names.map((name) => columns.lastIndexOf(name));
}
