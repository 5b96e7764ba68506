import { describe, expect, it } from 'vitest';
import { toMarkdown, toParagraphs } from '../../../src/lib/import/paragraphs';
import { parseOutline, type OutlineNode } from '../../../src/lib/import/structure';
import { sentenceCase, shortTitle } from '../../../src/lib/import/titles';

const ids = (nodes: readonly OutlineNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);

describe('parseOutline', () => {
  it('reads parts, groups, items and fields', () => {
    const outline = parseOutline(
      [
        'Kế hoạch',
        '',
        'I. MỤC ĐÍCH',
        'Văn bản.',
        'II. NỘI DUNG',
        '1. Nhóm một',
        'a) Nội dung: Việc một.',
        '- Chỉ đạo thực hiện: Chánh Văn phòng.',
        'III. TỔ CHỨC',
      ].join('\n'),
    );
    expect(outline.preamble.map((l) => l.text)).toEqual(['Kế hoạch', '']);
    expect(ids(outline.parts)).toEqual(['I', 'II', 'II.1', 'II.1.a', 'III']);
    const item = outline.parts[1]!.children[0]!.children[0]!;
    expect(item.fields.map((f) => [f.field, f.lines])).toEqual([
      ['content', ['Việc một.']],
      ['directed_by', ['Chánh Văn phòng.']],
    ]);
  });

  it('reads OCR-damaged Roman numerals and item letters ("I1.", "¢)")', () => {
    const outline = parseOutline(
      ['I. MUC DICH', 'I1. NOI DUNG', '1. Nhom', 'a) Viec a', 'b) Viec b', '¢) Viec c', 'Ill. TO CHUC'].join('\n'),
    );
    expect(ids(outline.parts)).toEqual(['I', 'II', 'II.1', 'II.1.a', 'II.1.b', 'II.1.c', 'III']);
  });

  it('numbers items with đ and reads "d)" where "đ)" is due', () => {
    const outline = parseOutline(['I. NỘI DUNG', '1. Nhóm', 'a) A', 'b) B', 'c) C', 'd) D', 'd) Đ', 'e) E'].join('\n'));
    expect(ids(outline.parts)).toEqual(['I', 'I.1', 'I.1.a', 'I.1.b', 'I.1.c', 'I.1.d', 'I.1.đ', 'I.1.e']);
  });

  it('does not read a numbered list inside an item as new groups', () => {
    const text = [
      'I. NỘI DUNG',
      '1. Nhóm',
      'a) Tham mưu:',
      '1. Sửa đổi quyết định;',
      '2. Ban hành quy định;',
      '3. Tổng kết.',
      '- Chỉ đạo thực hiện: Chánh Văn phòng.',
      '2. Nhóm hai',
    ];
    const outline = parseOutline(text.join('\n'));
    expect(ids(outline.parts)).toEqual(['I', 'I.1', 'I.1.a', 'I.2']);
    expect(outline.parts[0]!.children[0]!.children[0]!.heading).toEqual([
      'Tham mưu:',
      '1. Sửa đổi quyết định;',
      '2. Ban hành quy định;',
      '3. Tổng kết.',
    ]);
  });

  it('joins a group title wrapped over two lines', () => {
    const outline = parseOutline(
      [
        'I. NỘI DUNG',
        '1. Giải pháp thực hiện đối với các nhiệm vụ cần tập trung thực',
        'hiện trong năm 2024',
        '',
        'a) Việc',
      ].join('\n'),
    );
    expect(outline.parts[0]!.children[0]!.heading).toEqual(
      ['1. Giải pháp thực hiện đối với các nhiệm vụ cần tập trung thực', 'hiện trong năm 2024'].map((l, i) =>
        i === 0 ? l.slice(3) : l,
      ),
    );
  });
});

describe('paragraphs and titles', () => {
  it('joins wrapped lines, starts paragraphs at bullets and finished sentences, and bridges a blank inside a sentence', () => {
    const lines = [
      'Thay thế Quyết định số',
      '',
      '92/QĐ-UBND ngày 19/3/2015 của UBND',
      'tỉnh.',
      'Tăng cường kỷ luật.',
      '- Điểm một',
      'nối tiếp',
      '- Điểm hai',
      'Quyết định số 41/2022/QĐ-',
      'UBND.',
    ];
    expect(toParagraphs(lines)).toEqual([
      { kind: 'text', text: 'Thay thế Quyết định số 92/QĐ-UBND ngày 19/3/2015 của UBND tỉnh.' },
      { kind: 'text', text: 'Tăng cường kỷ luật.' },
      { kind: 'bullet', text: 'Điểm một nối tiếp' },
      { kind: 'bullet', text: 'Điểm hai Quyết định số 41/2022/QĐ-UBND.' },
    ]);
  });

  it('writes Markdown with tight lists and short numbered lines as headings', () => {
    const md = toMarkdown(
      toParagraphs([
        '1. Mục đích',
        '',
        '- Một.',
        '- Hai.',
        '2. Các đơn vị báo cáo kết quả thực hiện định kỳ hằng quý cho Lãnh đạo Văn phòng.',
      ]),
      true,
    );
    expect(md).toBe(
      '### 1. Mục đích\n\n- Một.\n- Hai.\n\n2. Các đơn vị báo cáo kết quả thực hiện định kỳ hằng quý cho Lãnh đạo Văn phòng.',
    );
  });

  it.each([
    ['Rà soát quy chế. Cập nhật quy định.', 'Rà soát quy chế'],
    [
      'Kỷ luật, kỷ cương hành chính có lúc thực hiện chưa nghiêm túc',
      'Kỷ luật, kỷ cương hành chính có lúc thực hiện chưa nghiêm túc',
    ],
    [
      'Thường xuyên, tăng cường công tác giáo dục chính trị tư tưởng thông qua việc phổ biến, quán triệt và triển khai thực hiện các nghị quyết.',
      'Thường xuyên, tăng cường công tác giáo dục chính trị tư tưởng thông qua việc phổ biến…',
    ],
  ])('shortTitle(%s)', (content, title) => {
    expect(shortTitle(content)).toBe(title);
    expect(shortTitle(content).length).toBeLessThanOrEqual(90);
  });

  it('puts headings typed in capitals in sentence case, keeping acronyms', () => {
    expect(sentenceCase('NỘI DUNG THỰC HIỆN')).toBe('Nội dung thực hiện');
    expect(sentenceCase('KẾ HOẠCH CỦA UBND TỈNH')).toBe('Kế hoạch của UBND tỉnh');
    expect(sentenceCase('Nhiệm vụ của UBND')).toBe('Nhiệm vụ của UBND');
  });
});
