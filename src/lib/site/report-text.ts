/**
 * The office's own words for a period's report: data/reports/<period>.md, Markdown, split into the opening and the
 * three parts of the report by `## I`, `## II` and `## III` headings.
 */

/** The parts of a period report, in order. */
export const REPORT_PARTS = ['I', 'II', 'III'] as const;
/** A part of the report: I. Kết quả thực hiện, II. Tồn tại, hạn chế, III. Phương hướng, nhiệm vụ thời gian tới. */
export type ReportPart = (typeof REPORT_PARTS)[number];

/** The headings of the parts as the report writes them. */
export const PART_TITLES: Record<ReportPart, string> = {
  I: 'Kết quả thực hiện',
  II: 'Tồn tại, hạn chế',
  III: 'Phương hướng, nhiệm vụ thời gian tới',
};

/** A report text split up: Markdown before the first part heading, and each part's Markdown (empty when not given). */
export interface ReportTextParts {
  opening: string;
  parts: Record<ReportPart, string>;
}

const PART_HEADING = /^ {0,3}##[ \t]+(III|II|I)(?=$|[\s.:)–-])/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Splits a report text at its `## I`, `## II`, `## III` headings (outside code blocks); a part given twice is joined. */
export function splitReportText(source: string): ReportTextParts {
  const parts: Record<ReportPart, string[]> = { I: [], II: [], III: [] };
  const opening: string[] = [];
  let current: string[] = opening;
  let fence: string | undefined;
  for (const line of source.split('\n')) {
    const open = FENCE.exec(line)?.[1];
    if (open && (fence === undefined || open === fence)) fence = fence === undefined ? open : undefined;
    const heading = fence === undefined ? PART_HEADING.exec(line) : null;
    if (heading) current = parts[heading[1] as ReportPart];
    else current.push(line);
  }
  const text = (lines: string[]) => lines.join('\n').trim();
  return { opening: text(opening), parts: { I: text(parts.I), II: text(parts.II), III: text(parts.III) } };
}

/** Lower-cases the first letter, for a name inside a sentence ("Quý III năm 2024" → "quý III năm 2024"). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
