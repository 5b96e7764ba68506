/**
 * The period report as the Word file staff edit and send upward, in the usual administrative layout: the office's
 * name and "Số: …/BC-…" beside the Quốc hiệu and Tiêu ngữ, place and date, the title, then I. Kết quả thực hiện,
 * II. Tồn tại, hạn chế and III. Phương hướng, nhiệm vụ thời gian tới, and the signature block.
 */
import { AlignmentType, Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { formatDateVi, yearOf, type IsoDate } from '../../dates';
import { htmlToBlocks, htmlToParagraphs, type ProseBlock } from './prose';
import { TableBook } from './table';
import type { Deflater } from './package';
import { A4_PAGE, body, centred, heading, packDocument, shortRule, sideBySide, type Blocks } from './kit';
import { renderMarkdown } from '../markdown';
import type { Report, Unit } from '../../data/model';
import { reportTitle, type PeriodReport } from '../../status/period-report';
import { periodLabel, periodName } from '../../data/periods';
import { reportParts, type PartWriter } from './report-parts';
import { lowerFirst, PART_TITLES, REPORT_PARTS, splitReportText } from '../report-text';

/** What the Word report is made from. */
export interface ReportDocxInput {
  report: PeriodReport;
  /** The office (site.json organization). */
  organization: string;
  /** The site's as-of date: the report is dated in its year. */
  asOf: IsoDate;
  units: ReadonlyMap<string, Unit>;
  /** The office's own words (data/reports/<period>.md), Markdown; empty when there is none. */
  text: string;
  /** How the package's files are compressed (fflate's by default; the build passes node:zlib's, faster). */
  deflater?: Deflater | undefined;
}

/** Writes the Word report of a period: every plan of its year, one numbered part per plan in each of I, II and III. */
export async function buildReportDocx(input: ReportDocxInput): Promise<Uint8Array<ArrayBuffer>> {
  const { report, organization } = input;
  const words = splitReportText(input.text);
  const prose = async (markdown: string) => htmlToParagraphs(await renderMarkdown(markdown));
  const tables = new TableBook();
  const writer: PartWriter = {
    report,
    units: input.units,
    note: noteBlocks,
    tables,
  };
  const children: Blocks = [...topBlock(organization, input.asOf), ...titleBlock(report)];
  children.push(body(opening(report, organization)), ...(await prose(words.opening)));
  const parts = await reportParts(writer);
  for (const [i, part] of REPORT_PARTS.entries()) {
    children.push(heading(`${part}. ${PART_TITLES[part].toUpperCase()}`));
    children.push(...(await prose(words.parts[part])), ...parts[i]!);
  }
  children.push(
    body(
      `Trên đây là báo cáo kết quả thực hiện ${lowerFirst(periodLabel(report.period, input.asOf))} của ${organization}./.`,
    ),
  );
  children.push(new Paragraph({ children: [] }), signatureBlock());
  const section: ISectionOptions = { properties: A4_PAGE, headers: { default: pageNumberHeader() }, children };
  return packDocument(
    {
      title: `Báo cáo ${lowerFirst(reportTitle(report))} ${periodName(report.period)}`,
      creator: organization,
      date: report.cutoff,
    },
    [section],
    tables,
    input.deflater,
  );
}

// A task's latest note appears in the report of every period from the one it was sent in: read each once.
const notes = new WeakMap<Report, ProseBlock[]>();

/** A report's note, its date first, as paragraphs for a table cell. */
async function noteBlocks(report: Report): Promise<ProseBlock[]> {
  let blocks = notes.get(report);
  if (!blocks)
    notes.set(report, (blocks = htmlToBlocks(await renderMarkdown(`${formatDateVi(report.asOf)}: ${report.note}`))));
  return blocks;
}

/** The top block: the office and the number on the left, the Quốc hiệu, Tiêu ngữ, place and date on the right. */
function topBlock(organization: string, asOf: IsoDate): Blocks {
  const left = [
    centred(organization.toUpperCase(), { bold: true, size: 24 }, true),
    shortRule(2.5, 6.5),
    centred('Số: …/BC-…'),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
    centred('Độc lập - Tự do - Hạnh phúc', { bold: true }, true),
    shortRule(5.5, 9.5),
    centred(`${placeOf(organization)}, ngày … tháng … năm ${yearOf(asOf)}`, { italics: true }),
  ];
  return [sideBySide(left, right, [6.5, 9.5]), new Paragraph({ children: [] })];
}

/** "BÁO CÁO", then what it reports on and the period, centred and bold. */
function titleBlock(report: PeriodReport): Blocks {
  return [
    centred('BÁO CÁO', { bold: true, size: 28 }),
    centred(
      [
        new TextRun({ text: reportTitle(report), bold: true }),
        new TextRun({ text: periodName(report.period), bold: true, break: 1 }),
      ],
      {},
      true,
    ),
    shortRule(3, 16),
  ];
}

function opening(report: PeriodReport, organization: string): string {
  const [only, ...others] = report.plans;
  const basis =
    only && others.length === 0
      ? `${only.state.plan.title}${only.state.plan.number ? ` (${only.state.plan.number})` : ''}`
      : `các kế hoạch năm ${report.period.year}`;
  const until = report.ended ? 'ngày cuối kỳ' : 'kỳ báo cáo chưa kết thúc';
  return `Thực hiện ${basis}, ${organization} báo cáo kết quả thực hiện ${lowerFirst(periodName(report.period))} (số liệu tính đến ngày ${formatDateVi(report.cutoff)}, ${until}) như sau:`;
}

/** "Nơi nhận" on the left, the signer on the right, for the office to complete. */
function signatureBlock(): Blocks[number] {
  const left = [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24 })] }),
    new Paragraph({ children: [new TextRun({ text: '- …;', size: 22 })] }),
    new Paragraph({ children: [new TextRun({ text: '- Lưu: VT.', size: 22 })] }),
  ];
  const right = [
    centred('THỦ TRƯỞNG CƠ QUAN', { bold: true }),
    centred('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true }),
  ];
  return sideBySide(left, right, [8, 8]);
}

/** Page numbers at the top centre from the second page on, as Nghị định 30 places them. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
    ],
  });
}

/** The place in the date line: the province or city the office's name ends with ("… tỉnh Quảng Ngãi" → Quảng Ngãi). */
export function placeOf(organization: string): string {
  const match = /(?:tỉnh|thành phố|TP\.?)\s+([^,;()]+)$/iu.exec(organization.trim());
  return match ? match[1]!.trim() : '…';
}
