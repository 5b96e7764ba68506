import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanMultiline,
  cleanPlainMultiline,
  cleanPlainText,
  cleanText,
  NFC_STABLE,
  PLAIN_MULTILINE,
  PLAIN_TEXT,
} from '../../src/lib/text';

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

describe('cleanMultiline skips the rewrites only where they change nothing', () => {
  // The reference: what cleanMultiline did before it learned to skip work on text that is already clean.
  const reference = (v: string) =>
    v
      .normalize('NFC')
      .replace(/\r\n?|[\v\f\u2028\u2029]/g, '\n')
      .replace(/[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
      .trim();

  it('for any mix of Vietnamese letters, marks, spaces and line breaks', () => {
    const alphabet = [
      ...'aAeđĐơưăâêôyỹ ,.;*-“”–\n\t\r\v\f',
      '\u00a0',
      '\u1680',
      '\u200b',
      '\u2000',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\u2029',
      '\u0301',
      '\u0323',
      '\u0309',
      'Ệ',
      '\u212b',
      '\u1100',
      '\u1161',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => cleanMultiline(t) === reference(t)),
      { numRuns: 5000 },
    );
  });

  it('its plain characters are NFC-stable ones (or LF) that neither rewrite touches', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!PLAIN_MULTILINE.test(ch)) continue;
      expect(ch === '\n' || NFC_STABLE.test(ch), `U+${c.toString(16)}`).toBe(true);
      expect(reference(`x${ch}x`), `U+${c.toString(16)}`).toBe(`x${ch}x`);
    }
  });
});

describe('pieces of plain text (a CSV file that is PLAIN_TEXT) are cleaned alike with less work', () => {
  it('for any mix of its characters, spaces and line breaks', () => {
    const alphabet = [...'aAeđĐơưăâêôyỹ ,.;*-“”–"\n', '  ', ' \n '];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(PLAIN_TEXT.test(t)).toBe(true);
        expect(cleanPlainText(t)).toBe(cleanText(t));
        expect(cleanPlainMultiline(t)).toBe(cleanMultiline(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('its characters are those of PLAIN_MULTILINE, and CR (which the CSV reader turns into LF)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(PLAIN_TEXT.test(ch), `U+${c.toString(16)}`).toBe(ch === '\r' || PLAIN_MULTILINE.test(ch));
    }
    expect(NFC_STABLE.test('\u00a1')).toBe(true);
  });
});
