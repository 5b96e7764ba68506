/** Column widths and row heights that show a table's text whole, for the workbooks the site writes. */

/** A column width (in characters) that shows the header and most values whole: the longest, within min and max. */
export function fitWidth(header: string, values: readonly unknown[], min: number, max: number): number {
  let longest = header.length;
  for (const value of values) {
    const text = value === null || value === undefined ? '' : String(value);
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(max, Math.max(min, longest + 2));
}

/** Points per line of 11-point text, as Excel's default row is. */
const LINE_HEIGHT = 15;

/**
 * A row height (in points) that shows every wrapped cell whole: the most lines any cell needs at its column's width.
 * Spreadsheets keep a written row's height as it is, and LibreOffice does not fit rows to wrapped text on opening.
 */
export function fitHeight(values: readonly unknown[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    // A width unit is the width of a digit: about one character of Vietnamese text.
    const perLine = Math.max(1, Math.floor(widths[i] ?? 10));
    const needed = String(value)
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines * LINE_HEIGHT;
}
