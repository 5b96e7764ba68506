import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanText } from '../../src/lib/text';

describe('cleanText (one-line values: ids, names, titles)', () => {
  it.each([
    ['NFD to NFC', 'Phòng'.normalize('NFD'), 'Phòng'],
    ['stray spaces', '  hcqt  ', 'hcqt'],
    ['non-breaking and odd spaces', '\u00a0Phòng\u2009Tổng\u202fhợp\u3000', 'Phòng Tổng hợp'],
    ['zero-width space and BOM', '\ufeffhcqt\u200b', 'hcqt'],
    ['line breaks inside a title', 'Kế hoạch\r\nnăm 2024', 'Kế hoạch năm 2024'],
  ])('%s', (_, value, expected) => {
    expect(cleanText(value)).toBe(expected);
  });
});

describe('cleanMultiline (Markdown fields: content, summary, basis, note)', () => {
  it.each([
    ['keeps paragraphs', 'Đoạn một.\n\nĐoạn hai.', 'Đoạn một.\n\nĐoạn hai.'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['Word line breaks become LF', 'a\u000bb\u2028c', 'a\nb\nc'],
    ['keeps list indentation', '- a\n  - b', '- a\n  - b'],
    ['non-breaking spaces become spaces', 'a\u00a0b', 'a b'],
    ['trims the ends', ' \u00a0\n- a\n\n ', '- a'],
    ['NFD to NFC', 'Đảng ủy'.normalize('NFD'), 'Đảng ủy'],
  ])('%s', (_, value, expected) => {
    expect(cleanMultiline(value)).toBe(expected);
  });
});
