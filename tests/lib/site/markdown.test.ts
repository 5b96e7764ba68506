import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown, renderWithParser } from '../../../src/lib/site/markdown';

// What a note, a task's content or a plan's summary may hold, typed or pasted by many people: none of it may run.
const HOSTILE: [string, string][] = [
  ['a script tag', '<script>alert(1)</script>'],
  ['a script tag inside a paragraph', 'Đã xong <script>alert(1)</script> phần 1'],
  ['an onerror attribute', '<img src=x onerror=alert(1)>'],
  ['an onload attribute on svg', '<svg onload=alert(1)>'],
  ['a javascript: link', '[Xem](javascript:alert(1))'],
  ['a JaVaScRiPt: link', '[Xem](JaVaScRiPt:alert(1))'],
  ['an entity-encoded javascript: link', '[Xem](&#106;avascript:alert(1))'],
  ['a javascript: link with a leading space', '[Xem]( javascript:alert(1))'],
  ['a javascript: autolink', '<javascript:alert(1)>'],
  ['a javascript: image', '![Ảnh](javascript:alert(1))'],
  ['a vbscript: link', '[Xem](vbscript:msgbox(1))'],
  ['a data: URL link', '[Xem](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['a data: URL image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['an HTML link with javascript:', '<a href="javascript:alert(1)">Xem</a>'],
  ['an iframe', '<iframe src="http://example.com"></iframe>'],
  ['a style tag', '<style>body{display:none}</style>'],
  ['an object tag', '<object data="x.swf"></object>'],
  ['a form', '<form action="http://evil"><input name=p></form>'],
  ['a link with a title breaking out', '[x](http://a "\\" onmouseover=\\"alert(1))'],
  ['a closing script in text', '</script><script>alert(2)</script>'],
];

// Text content has its < escaped, so every < left in the output opens a real tag: check the tags only.
function expectInert(html: string): void {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(
      /^<\/?(p|a|img|ul|ol|li|strong|em|h[1-6]|table|thead|tbody|tr|th|td|br|code|pre|blockquote|del|hr)[\s>]/,
    );
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i);
  }
}

describe('renderMarkdown leaves hostile text inert', () => {
  it.each(HOSTILE)('%s', async (_, source) => {
    expectInert(await renderMarkdown(source));
    expectInert(await renderMarkdown(`- một\n- hai\n\n${source}\n\n**đậm**`));
  });

  it('drops raw HTML rather than rendering it', async () => {
    expect(await renderMarkdown('Trước <b onclick="x()">đậm</b> sau\n\nĐoạn hai')).toBe(
      '<p>Trước đậm sau</p>\n<p>Đoạn hai</p>',
    );
  });
});

describe('renderMarkdown still renders normal Markdown', () => {
  it.each([
    ['bullet lists', '- Một\n- Hai', '<ul>\n<li>Một</li>\n<li>Hai</li>\n</ul>'],
    ['numbered lists', '1. Một\n2. Hai', '<ol>\n<li>Một</li>\n<li>Hai</li>\n</ol>'],
    ['bold', '**Biện pháp:** làm ngay', '<p><strong>Biện pháp:</strong> làm ngay</p>'],
    ['small headings', '### 1. Mục đích', '<h3 id="1-mục-đích">1. Mục đích</h3>'],
    [
      'links to intranet pages by absolute path',
      '[Kế hoạch](/ke-hoach/plans/2024-vp/)',
      '<p><a href="/ke-hoach/plans/2024-vp/">Kế hoạch</a></p>',
    ],
    ['links by relative path', '[Mục II](../sections/II/)', '<p><a href="../sections/II/">Mục II</a></p>'],
    [
      'http links on the intranet',
      '[Văn bản](http://vanban.intranet/vb/123)',
      '<p><a href="http://vanban.intranet/vb/123">Văn bản</a></p>',
    ],
    ['https links', '[Cổng](https://quangngai.gov.vn/)', '<p><a href="https://quangngai.gov.vn/">Cổng</a></p>'],
    [
      'bare web addresses',
      'Xem http://vanban.intranet/vb/123',
      '<p>Xem <a href="http://vanban.intranet/vb/123">http://vanban.intranet/vb/123</a></p>',
    ],
    [
      'tables',
      '| Quý | Số |\n|---|---|\n| I | 3 |',
      '<table>\n<thead>\n<tr>\n<th>Quý</th>\n<th>Số</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>I</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>',
    ],
    ['paragraphs', 'Đoạn một.\n\nĐoạn hai.', '<p>Đoạn một.</p>\n<p>Đoạn hai.</p>'],
  ])('%s', async (_, source, html) => {
    expect(await renderMarkdown(source)).toBe(html);
  });
});

describe('the plain-text fast path escapes', () => {
  it.each([
    // Quotes are text in element content: the parser leaves them as they are, and so does the fast path.
    ['quotes', 'Văn bản "khẩn" của Sở', '<p>Văn bản "khẩn" của Sở</p>'],
    ['apostrophes', "Tom's", "<p>Tom's</p>"],
    ['plain one-line text', 'Đã hoàn thành 100%.', '<p>Đã hoàn thành 100%.</p>'],
    ['a javascript: word, shown as text', 'javascript:alert(1)', '<p>javascript:alert(1)</p>'],
  ])('%s', async (_, source, html) => {
    expect(await renderMarkdown(source)).toBe(html);
  });
});

describe('plain paragraphs skip the parser but render as it would', () => {
  it.each([
    ['two paragraphs', 'Đã ban hành Văn bản số 1100/KH-STTTT.\n\nĐang kiểm tra tại 11 đơn vị (đạt 80%).'],
    ['a line break inside a paragraph', 'Tổ chức 12 hội nghị;\nđã xong 3 hội nghị.'],
    ['a line that starts a list', 'Kết quả:\n- Một\n- Hai'],
    ['a numbered line', 'Kết quả:\n\n1. Một'],
    ['a number alone on a line', 'Kết quả\n\n2)'],
    ['a rule under a line (a heading)', 'Tiêu đề\n---'],
    ['an indented line', 'Một\n\n    mã'],
    ['a hard break (two spaces)', 'Một  \nHai'],
    ['three line ends', 'Một\n\n\nHai'],
    ['a web address on the second line', 'Xem\nwww.example.com'],
    ['a dash at the start', '–5 ngày so với kế hoạch'],
    [
      'a bold line, then a list',
      'Chủ trì thực hiện.\n\n**Nội dung chủ yếu:**\n\n- Tham mưu mô hình điểm về kinh tế - xã hội;\n- Hướng dẫn (đạt 100%).',
    ],
    ['a list, then a paragraph', '- Một;\n- Hai.\n\nBa.'],
    ['two lists apart by a blank line (one loose list)', '- Một\n\n- Hai'],
    ['a list item starting another list', '- - Một'],
    ['a list item with two spaces', '-  Một'],
    ['a bold line with spaces inside the stars', '** Một **'],
    ['four stars (a rule)', '****'],
    ['bold inside a line', 'Một **hai** ba'],
    ['a paragraph running into a list', 'Kết quả:\n- Một'],
    // Found by the property below (issue 14): a line of ":" and "-" under another is a table's delimiter row.
    ['a table with one column and no pipes', 'a\n:-'],
    ['a table aligned in the middle', 'Quý\n:-:'],
    ['a table after a paragraph', 'Kết quả.\n\nSố\n:--'],
    ['a line starting with ":"', 'Ghi chú\n: xem lại'],
    ['a bold line starting with ":"', '**: Một**'],
    ['a list item starting with ":"', '- :-'],
    ['a line starting with "." then a digit', 'Tỷ lệ\n.5'],
    ['a numbered line with ")"', 'Kết quả\n\n1) Một'],
    ['a number with a decimal point', '1.5 triệu đồng'],
  ])('%s', async (_, source) => {
    expect(await renderMarkdown(source)).toBe(await renderWithParser(source));
  });

  // Every character the fast path accepts, and the pieces that make a line start something else.
  const plainUnits = [...'aăđĐ1 2.,;:()%/\'"-–—?!*', '- ', '**', '1. ', '2) ', ':-', '-:', 'www.', 'http://'];
  // The same with the marks the fast path refuses, which must send the text to the parser.
  const markUnits = [...plainUnits, ...'|#>=`_~[]<&\\@+\t', '    ', '  ', '***', '---', '[a](b)', '<b>', '&amp;'];
  // How each line starts decides its block: a text is up to four lines joined by one or two \n, each a unit then
  // (often nothing but) a few more.
  const lines = (units: string[]) => {
    const rest = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...units), maxLength: 6 }));
    const line = fc.tuple(fc.constantFrom(...units), rest, fc.constantFrom('\n', '\n\n'));
    return fc.array(line, { maxLength: 4 }).map((parts) => parts.flat().join('').trim());
  };

  it.each([
    ['letters, digits, punctuation, stars, dashes and spaces', plainUnits],
    ['those and every Markdown mark', markUnits],
  ])('for any lines of %s', async (_, units) => {
    await fc.assert(
      fc.asyncProperty(lines(units), async (source) => {
        expect(await renderMarkdown(source)).toBe(source === '' ? '' : await renderWithParser(source));
      }),
      { numRuns: 1000 },
    );
  });
});
