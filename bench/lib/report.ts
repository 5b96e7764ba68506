/** The benchmark's figures, the targets of issue #7 they are judged against, and the printed table. */

/** The page types whose JavaScript is weighed. */
export const PAGE_TYPES = ['dashboard', 'plan', 'section', 'task', 'unit', 'index'] as const;
/** A page type. */
export type PageType = (typeof PAGE_TYPES)[number];

/** bench/results.json: these keys exactly, so other tools can read them; null when not measured. */
export interface BenchResults {
  tasks: number;
  pages: number;
  build_s: number;
  floor_s: number;
  build_ratio: number;
  /** The build's CPU time over the floor's (other load on the machine disturbs it less than wall time). */
  build_cpu_ratio: number | null;
  /** The same full build rendered by a plain `astro build` (PLAN_BUILD_RENDERER=astro). */
  astro_renderer_s: number | null;
  /** The everyday rebuild: the shipped data, changed, rebuilt with the cached bundle; and the floor of as many pages. */
  small_build_s: number | null;
  small_floor_s: number | null;
  small_build_ratio: number | null;
  build_peak_mb: number;
  load_ratio: number;
  index_gz_kb: number | null;
  index_dcl_ms: number | null;
  search_median_ms: number | null;
  search_worst_ms: number | null;
  /** Gzipped JavaScript per page type, in KB. */
  js_gz_kb: Record<PageType, number | null>;
  /** Only with --archived N. */
  archived_ratio?: number | null;
}

/** One row of the printed table. */
export interface Check {
  label: string;
  value: string;
  target: string;
  /** null when there is no target or nothing was measured. */
  pass: boolean | null;
  note?: string;
}

const num = (v: number | null | undefined, digits: number, unit = '') =>
  v === null || v === undefined ? 'n/a' : `${v.toFixed(digits)}${unit}`;
const atMost = (v: number | null | undefined, limit: number) => (v === null || v === undefined ? null : v <= limit);
const below = (v: number | null | undefined, limit: number) => (v === null || v === undefined ? null : v < limit);

/** 1.5 GB in MB (2^20 bytes). */
const PEAK_LIMIT_MB = 1536;

/** The JS target of a page type: the index's filter, a page with a chart, or a page that should ship none. */
export function jsTarget(type: PageType, hasChart: boolean): { limit: number; label: string } {
  if (type === 'index') return { limit: 10, label: '< 10 KB (filter)' };
  if (hasChart) return { limit: 70, label: '< 70 KB (chart page)' };
  return { limit: 2, label: 'none or < 2 KB (no chart)' };
}

/** Judges every figure against its target; `charts` says which page types were found to draw a chart. */
export function checkTargets(
  r: BenchResults,
  charts: Partial<Record<PageType, boolean>>,
  notes: Partial<Record<string, string>> = {},
): Check[] {
  const rows: Check[] = [
    { label: 'tasks', value: String(r.tasks), target: '', pass: null },
    { label: 'pages (.html)', value: String(r.pages), target: '', pass: null },
    { label: 'build', value: num(r.build_s, 1, ' s'), target: '', pass: null },
    { label: 'floor (bare Astro)', value: num(r.floor_s, 1, ' s'), target: '', pass: null },
    { label: 'build / floor', value: num(r.build_ratio, 2, '×'), target: '≤ 2×', pass: atMost(r.build_ratio, 2) },
    { label: 'build / floor, CPU time', value: num(r.build_cpu_ratio, 2, '×'), target: '', pass: null },
    { label: 'build with plain astro build', value: num(r.astro_renderer_s, 1, ' s'), target: '', pass: null },
    {
      label: 'small rebuild / floor',
      value: num(r.small_build_ratio, 2, '×'),
      target: '≤ 2×',
      pass: atMost(r.small_build_ratio, 2),
    },
    {
      label: 'build peak memory',
      value: num(r.build_peak_mb, 0, ' MB'),
      target: '≤ 1.5 GB',
      pass: atMost(r.build_peak_mb, PEAK_LIMIT_MB),
    },
    { label: 'load / papaparse', value: num(r.load_ratio, 2, '×'), target: '≤ 3×', pass: atMost(r.load_ratio, 3) },
    {
      label: '/tasks/ gzipped',
      value: num(r.index_gz_kb, 1, ' KB'),
      target: '≤ 600 KB',
      pass: atMost(r.index_gz_kb, 600),
    },
    {
      label: '/tasks/ DOMContentLoaded',
      value: num(r.index_dcl_ms, 0, ' ms'),
      target: '≤ 1500 ms',
      pass: atMost(r.index_dcl_ms, 1500),
    },
    {
      label: 'search median',
      value: num(r.search_median_ms, 1, ' ms'),
      target: '≤ 50 ms',
      pass: atMost(r.search_median_ms, 50),
      note: notes.search,
    },
    {
      label: 'search worst',
      value: num(r.search_worst_ms, 1, ' ms'),
      target: '≤ 150 ms',
      pass: atMost(r.search_worst_ms, 150),
      note: notes.search,
    },
  ];
  for (const type of PAGE_TYPES) {
    const t = jsTarget(type, charts[type] ?? false);
    rows.push({
      label: `JS ${type}`,
      value: num(r.js_gz_kb[type], 1, ' KB'),
      target: t.label,
      pass: below(r.js_gz_kb[type], t.limit),
    });
  }
  if ('archived_ratio' in r) {
    rows.push({
      label: 'rebuild with archived years / live only',
      value: num(r.archived_ratio, 2, '×'),
      target: '≤ 1.2×',
      pass: atMost(r.archived_ratio, 1.2),
      note: notes.archived,
    });
  }
  return rows;
}

/** The checks as an aligned text table with pass/FAIL, and notes under it. */
export function formatChecks(rows: readonly Check[]): string {
  const verdict = (c: Check) => (c.pass === null ? (c.target ? '—' : '') : c.pass ? 'pass' : 'FAIL');
  const cells = [['figure', 'value', 'target', ''], ...rows.map((c) => [c.label, c.value, c.target, verdict(c)])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((row) => row[i]!.length)));
  const lines = cells.map((row) =>
    row
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const notes = [...new Set(rows.map((c) => c.note).filter((n): n is string => Boolean(n)))];
  return [...lines, ...notes.map((n) => `note: ${n}`)].join('\n');
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to a number of decimals (for results.json). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
