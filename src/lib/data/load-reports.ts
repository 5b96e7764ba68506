/** Loading data/reports/<period>.md: the office's own words for a period's report, read and validated like every other text. */
import { formatDateVi, yearOf, type IsoDate } from '../dates';
import { type LoadContext } from './load-context';
import type { Plan, ReportText } from './model';
import { parsePeriod, reportYears } from './periods';
import { errorAt, quote, warningAt, type DataIssue } from './problems';
import { ReportTextSchema } from './schema';

const MD = /\.md$/i;

/** Reads every `<period>.md` in the folder (none when it does not exist); other files are refused or set aside with a problem. */
export function loadReportTexts(ctx: LoadContext, dir: string): ReportText[] {
  const texts: ReportText[] = [];
  for (const entry of ctx.source.list(dir)) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDir || !MD.test(entry.name)) {
      ctx.issues.push(
        warningAt(
          { file },
          'report-text-file',
          `is not a report text and is ignored (expected one Markdown file per period, like ${dir}/2024-q3.md)`,
        ),
      );
      continue;
    }
    const name = entry.name.replace(MD, '');
    const period = parsePeriod(name.toLowerCase());
    if (!period) {
      ctx.issues.push(
        errorAt(
          { file },
          'report-text-period',
          `file name ${quote(name)} is not a reporting period (expected a month 2024-03, a quarter 2024-q3, a half 2024-h1 or a year 2024, then .md)`,
        ),
      );
      continue;
    }
    const source = ctx.readText(file);
    if (source === undefined) continue;
    const parsed = ctx.parseRow(ReportTextSchema, { cells: { text: source } }, file);
    if (parsed) texts.push({ period: period.id, file, text: parsed.text });
  }
  return texts;
}

/**
 * A warning for each report text of a period that has not begun by the as-of date, or of the as-of year when no live
 * plan is shown in it: a likely slip of the name. (Texts of past years stay quietly unused once the year is archived.)
 */
export function checkReportTexts(texts: readonly ReportText[], plans: readonly Plan[], asOf: IsoDate): DataIssue[] {
  const listed = new Set(reportYears(plans, asOf).flatMap((y) => y.periods.map((p) => p.id)));
  return texts
    .filter((t) => !listed.has(t.period) && parsePeriod(t.period)!.year >= yearOf(asOf))
    .map((t) =>
      warningAt(
        { file: t.file },
        'report-text-unused',
        `no report for ${t.period} is built (the site reports on periods begun by ${formatDateVi(asOf)} of the years its live plans are shown in); the text is not used`,
      ),
    );
}
