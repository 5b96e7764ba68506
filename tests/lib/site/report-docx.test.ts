import { beforeAll, describe, expect, it } from 'vitest';
import { indexPlans } from '../../../src/lib/status/archive-model';
import { A4_PAGE, packDocument } from '../../../src/lib/site/docx/kit';
import { crc32, deflateRawSync } from 'node:zlib';
import { Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { JS_DEFLATER, writeZip } from '../../../src/lib/site/docx/package';
import { htmlToParagraphs } from '../../../src/lib/site/docx/prose';
import { escapeXml, TABLE_STYLES, TableBook, tableXml } from '../../../src/lib/site/docx/table';
import type { Dataset } from '../../../src/lib/data/model';
import { buildPeriodReport, judgePeriod, type PeriodReport } from '../../../src/lib/status/period-report';
import { parsePeriod, previousPeriod } from '../../../src/lib/data/periods';
import { buildReportDocx, placeOf } from '../../../src/lib/site/docx/report';
import { loadSiteFromDisk } from '../../../src/node/data/load-site';
import { docxParts, paragraphTexts } from '../../support/docx-text';

let dataset: Dataset;
const reportOf = (id: string): PeriodReport => {
  const period = parsePeriod(id)!;
  const asOf = dataset.site.asOf;
  const histories = indexPlans(dataset.plans);
  return buildPeriodReport({
    period,
    asOf,
    at: histories.map((h) => judgePeriod(h, period, asOf)),
    before: histories.map((h) => judgePeriod(h, previousPeriod(period), asOf)),
    units: dataset.units,
  });
};
const docx = (id: string, text = '') =>
  buildReportDocx({
    report: reportOf(id),
    organization: dataset.site.organization,
    asOf: dataset.site.asOf,
    units: new Map(dataset.units.map((u) => [u.id, u])),
    text,
  });

beforeAll(() => {
  dataset = loadSiteFromDisk('data').dataset!;
});

describe('the Word report of a period', () => {
  it('is the same file every time it is written, dated at the cut-off', async () => {
    const first = await docx('2024-q3');
    await docx('2024-q2', '## II\n- một\n- hai');
    const again = await docx('2024-q3');
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const core = docxParts(first)['docProps/core.xml']!;
    expect(core.match(/<dcterms:(created|modified)[^>]*>[^<]*/g)).toEqual([
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-30T00:00:00Z',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-09-30T00:00:00Z',
    ]);
    expect(core).toContain('<dc:creator>Văn phòng UBND tỉnh Quảng Ngãi</dc:creator>');
  });

  it('is laid out as an administrative report, in order', async () => {
    const text = paragraphTexts(docxParts(await docx('2024-q3', 'Mở đầu.\n\n## II\nChậm.'))['word/document.xml']!);
    const order = [
      'VĂN PHÒNG UBND TỈNH QUẢNG NGÃI',
      'Số: …/BC-…',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Ngãi, ngày … tháng … năm 2024',
      'BÁO CÁO',
      `Kết quả thực hiện ${dataset.plans[0]!.title}\nQuý III năm 2024`,
      'Mở đầu.',
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tình hình chung',
      '2. Kết quả thực hiện từng nhiệm vụ',
      'II. TỒN TẠI, HẠN CHẾ',
      'Chậm.',
      '1. Nhiệm vụ quá hạn, chưa hoàn thành',
      '2. Đơn vị chưa báo cáo trong kỳ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'Nơi nhận:',
      'THỦ TRƯỞNG CƠ QUAN',
    ];
    const at = order.map((line) => text.indexOf(line));
    expect(
      at.every((i) => i >= 0),
      `missing: ${order.filter((_, i) => at[i]! < 0).join(' | ')}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has an A4 page with the margins of Nghị định 30 and page numbers from the second page', async () => {
    const xml = docxParts(await docx('2024-q3'))['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(A4_PAGE.page.size).toEqual({ width: 11906, height: 16838 });
  });
});

describe('the places a report is dated at', () => {
  it.each([
    ['Văn phòng UBND tỉnh Quảng Ngãi', 'Quảng Ngãi'],
    ['Sở Nội vụ thành phố Hà Nội', 'Hà Nội'],
    ['UBND TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Văn phòng Bộ', '…'],
  ])('%s → %s', (organization, place) => {
    expect(placeOf(organization)).toBe(place);
  });
});

describe('Markdown in a Word report', () => {
  const paragraphsOf = async (html: string) => {
    const bytes = await packDocument({ title: 't', creator: 'c', date: '2024-01-01' }, [
      { children: htmlToParagraphs(html) },
    ]);
    return paragraphTexts(docxParts(bytes)['word/document.xml']!);
  };

  it.each([
    ['<p>Một đoạn.</p>\n<p>Đoạn &amp; hai &lt;b&gt;</p>', ['Một đoạn.', 'Đoạn & hai <b>']],
    ['<h3>Tiêu đề</h3><p><strong>Đậm</strong> và <em>nghiêng</em></p>', ['Tiêu đề', 'Đậm và nghiêng']],
    ['<ul>\n<li>một</li>\n<li>hai</li>\n</ul>', ['- một', '- hai']],
    ['<ol start="3"><li>ba</li><li>bốn<ul><li>con</li></ul></li></ol>', ['3. ba', '4. bốn', '- con']],
    ['<ul><li><p>rời</p></li></ul>', ['- rời']],
    ['<p>dòng một<br>\ndòng hai</p>', ['dòng một\ndòng hai']],
    ['<pre><code>a\nb</code></pre>', ['a\nb']],
    ['<blockquote><p>trích</p></blockquote>', ['trích']],
    ['<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>', ['A | B', '1 | 2']],
    ['<p>ảnh <img src="x.png" alt="sơ đồ"></p>', ['ảnh [sơ đồ]']],
    ['<p>&#7871; &#x1EBF; &bogus;</p>', ['ế ế &bogus;']],
  ])('%s', async (html, texts) => {
    expect(await paragraphsOf(html)).toEqual(texts);
  });
});

describe('the data tables of a Word report', () => {
  const spec = {
    headers: ['Số', 'Nhiệm vụ'],
    widths: [700, 2000],
    rows: [
      ['I.1', 'A & B <c>'],
      ['I.2', [{ kind: 'item' as const, depth: 0, quote: 0, runs: [{ text: '- ' }, { text: 'đậm', bold: true }] }]],
    ],
    centred: [0],
  };

  it('writes them as WordprocessingML with the header row repeated and rows kept whole, text escaped', () => {
    const xml = tableXml(spec);
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="700"/><w:gridCol w:w="2000"/></w:tblGrid>');
    expect(xml).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(xml).toContain('<w:t xml:space="preserve">A &amp; B &lt;c&gt;</w:t>');
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">đậm</w:t></w:r>');
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\ud800c\u{1F600}&')).toBe('abc\u{1F600}&amp;');
  });

  it('puts each table where its marker paragraph is, in a document LibreOffice and Word read', async () => {
    const tables = new TableBook();
    const bytes = await packDocument(
      { title: 't', creator: 'c', date: '2024-01-01' },
      [
        {
          children: [tables.add(spec), new Paragraph('giữa'), tables.add({ ...spec, rows: [] }), new Paragraph('cuối')],
        },
      ],
      tables,
    );
    const xml = docxParts(bytes)['word/document.xml']!;
    expect(xml).not.toContain(TABLE_STYLES.marker);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(paragraphTexts(xml)).toEqual([
      'Số',
      'Nhiệm vụ',
      'I.1',
      'A & B <c>',
      'I.2',
      '- đậm',
      'giữa',
      'Số',
      'Nhiệm vụ',
      'cuối',
    ]);
  });

  it('refuses to pack a document that lost a table’s marker', () => {
    const tables = new TableBook();
    tables.add(spec);
    expect(() => tables.splice('<w:body></w:body>')).toThrow('1 table(s) not placed in the report');
  });
});

describe('the package of a Word report', () => {
  const files = {
    '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
    'word/document.xml': new TextEncoder().encode('<w:document>Báo cáo quý III</w:document>'.repeat(200)),
  };
  const nodeDeflater = { deflateRaw: (d: Uint8Array) => deflateRawSync(d), crc32: (d: Uint8Array) => crc32(d) };

  it.each([
    ['fflate’s', JS_DEFLATER],
    ['node:zlib’s', nodeDeflater],
  ])('zips with %s DEFLATE into a zip that unzips to the same files, in order, dated as asked', (_name, deflater) => {
    const zip = writeZip(files, new Date(2024, 8, 30), deflater);
    expect(unzipSync(zip)).toEqual(files);
    expect(Object.keys(unzipSync(zip))).toEqual(Object.keys(files));
    expect(Buffer.from(writeZip(files, new Date(2024, 8, 30), deflater)).equals(Buffer.from(zip))).toBe(true);
    expect(zip.length).toBeLessThan(files['word/document.xml'].length / 10);
  });

  it('computes the same CRC-32 as node:zlib', () => {
    for (const data of [new Uint8Array(), files['word/document.xml'], new Uint8Array([0xff, 0, 1])])
      expect(JS_DEFLATER.crc32(data)).toBe(crc32(data));
  });

  it('is the same Word file whichever DEFLATE wrote it, once unzipped', async () => {
    const tables = () => new TableBook();
    const docOf = (deflater?: typeof nodeDeflater) =>
      packDocument(
        { title: 't', creator: 'c', date: '2024-01-01' },
        [{ children: [new Paragraph('x')] }],
        tables(),
        deflater,
      );
    expect(docxParts(await docOf(nodeDeflater))).toEqual(docxParts(await docOf()));
  });
});
