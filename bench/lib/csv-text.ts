/** Writing synthetic tables as CSV text the way a spreadsheet saves them: comma-separated, quoted only when needed. */

/** One CSV cell: quoted when it holds a comma, a quote or a line break, with inner quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A header line and data lines, each ending with a line feed. */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
