import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { splitReportText } from '../../../src/lib/site/report-text';
import { encodeText } from '../../support/encodings';
import { memorySource, type MemoryFiles } from '../../support/memory-source';
import { smallData } from '../../support/small-data';

const load = (files: MemoryFiles) => loadDataset(memorySource(files), { root: 'data', buildDate: '2024-08-01' });
const messages = (files: MemoryFiles) => sortIssues(load(files).issues).map(formatIssue);

describe('splitting a report text into its parts', () => {
  it('puts what comes before the first part heading first, and each part under its ## heading', () => {
    const text = [
      'Mở đầu.',
      '',
      '## I. Kết quả',
      'Đã làm.',
      '### Chi tiết',
      '- một',
      '## II',
      'Còn chậm.',
      '## III: Thời gian tới',
      'Sẽ làm.',
    ].join('\n');
    expect(splitReportText(text)).toEqual({
      opening: 'Mở đầu.',
      parts: { I: 'Đã làm.\n### Chi tiết\n- một', II: 'Còn chậm.', III: 'Sẽ làm.' },
    });
  });

  it.each([
    ['## IV. Kiến nghị', 'a heading of no part'],
    ['## Ib', 'a numeral followed by more letters'],
    ['### II', 'a smaller heading'],
    ['    ## II', 'an indented code line'],
  ])('leaves "%s" in the text (%s)', (line) => {
    expect(splitReportText(`## I\nA\n${line}\nB`).parts.I).toBe(`A\n${line}\nB`);
  });

  it('leaves headings inside a fenced code block alone, and joins a part given twice', () => {
    expect(splitReportText('## I\n```\n## II\n```\n## III\nx\n## I\ny').parts).toEqual({
      I: '```\n## II\n```\ny',
      II: '',
      III: 'x',
    });
  });

  it('gives empty parts for an empty text', () => {
    expect(splitReportText('')).toEqual({ opening: '', parts: { I: '', II: '', III: '' } });
  });
});

describe('data/reports/<period>.md', () => {
  it('is read for a reporting period of a live plan, its text cleaned like every Markdown field', () => {
    const nfd = 'Tình hình chung'.normalize('NFD');
    const { dataset, issues } = load({
      ...smallData(),
      'data/reports/2024-q2.md': `\ufeff${nfd}\r\n\r\n## II\r\nChậm.\r\n`,
    });
    expect(issues).toEqual([]);
    expect(dataset!.reportTexts).toEqual([
      { period: '2024-q2', file: 'data/reports/2024-q2.md', text: 'Tình hình chung\n\n## II\nChậm.' },
    ]);
  });

  it('may be written in UTF-16 or Windows-1258 like the tables', () => {
    const { dataset } = load({ ...smallData(), 'data/reports/2024-07.md': encodeText('Báo cáo tháng 7', 'utf-16le')! });
    expect(dataset!.reportTexts![0]!.text).toBe('Báo cáo tháng 7');
  });

  it('refuses a file whose name is not a period, and sets aside files that are not Markdown', () => {
    expect(
      messages({
        ...smallData(),
        'data/reports/quy-3.md': 'x',
        'data/reports/2024-Q5.md': 'x',
        'data/reports/2024-q3.docx': 'x',
        'data/reports/2024-q1.md': 'đúng',
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/reports/2024-q3.docx: warning: is not a report text and is ignored (expected one Markdown file per period, like data/reports/2024-q3.md)",
        "data/reports/2024-Q5.md: file name "2024-Q5" is not a reporting period (expected a month 2024-03, a quarter 2024-q3, a half 2024-h1 or a year 2024, then .md)",
        "data/reports/quy-3.md: file name "quy-3" is not a reporting period (expected a month 2024-03, a quarter 2024-q3, a half 2024-h1 or a year 2024, then .md)",
      ]
    `);
  });

  it('warns about a period the site does not report on yet, and leaves texts of past years alone', () => {
    expect(
      messages({
        ...smallData(),
        'data/reports/2024-q4.md': 'x',
        'data/reports/2023.md': 'y',
        'data/reports/2024.md': 'z',
        'data/reports/2025-01.md': 'w',
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/reports/2024-q4.md: warning: no report for 2024-q4 is built (the site reports on periods begun by 15/07/2024 of the years its live plans are shown in); the text is not used",
        "data/reports/2025-01.md: warning: no report for 2025-01 is built (the site reports on periods begun by 15/07/2024 of the years its live plans are shown in); the text is not used",
      ]
    `);
  });

  it('refuses a text that is not text, naming the file', () => {
    expect(
      messages({ ...smallData(), 'data/reports/2024-q1.md': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) }),
    ).toEqual([expect.stringMatching(/^data\/reports\/2024-q1\.md(:\d+)?: /)]);
  });
});
