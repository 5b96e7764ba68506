import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportedStatus } from '../../src/lib/data/schema';
import { cleanText, compareIds, foldVietnamese, NFC_STABLE, PLAIN_LINE, sortVi } from '../../src/lib/text';

describe('foldVietnamese', () => {
  it.each([
    ['Kiểm soát thủ tục', 'kiem soat thu tuc'],
    ['Đảng', 'dang'],
    ['ĐƠN VỊ', 'don vi'],
    ['Kiểm soát'.normalize('NFD'), 'kiem soat'],
    ['  Phòng\u00a0Hành chính  ', 'phong hanh chinh'],
  ])('folds %j to %j', (text, folded) => expect(foldVietnamese(text)).toBe(folded));
});

describe('cleanText', () => {
  it('composes decomposed text (NFC) and trims odd spaces', () => {
    const nfd = ' Đang thực hiện\u00a0'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Đang thực hiện'.normalize('NFC'));
  });

  // The reference: what cleanText did before it learned to skip work on text that is already clean.
  const reference = (v: string) =>
    v
      .normalize('NFC')
      .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
      .trim();

  it.each([
    ['Sở Nội vụ', 'Sở Nội vụ'],
    ['  Phòng  Hành chính ', 'Phòng Hành chính'],
    ['Dòng 1\nDòng 2', 'Dòng 1 Dòng 2'],
    ['a\u200bb', 'a b'],
    ['Quý II\u2000năm 2024', 'Quý II năm 2024'],
    ['Tiến độ “đúng hạn” – 100%', 'Tiến độ “đúng hạn” – 100%'],
    ['e\u0301', 'é'],
  ])('cleans %j to %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
    expect(cleanText(text)).toBe(reference(text));
  });

  it('gives what normalising and rewriting every space would, for any mix of Vietnamese letters, marks and spaces', () => {
    const alphabet = [
      ...'aAeđĐơưăâêôyỹ ,.;“”–\n\t',
      '\u00a0',
      '\u200b',
      '\u2000',
      '\u2028',
      '\u0301',
      '\u0323',
      '\u0309',
      'Ệ',
      '\u212b',
      '\u1100',
      '\u1161',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => cleanText(t) === reference(t)),
      { numRuns: 5000 },
    );
  });

  it('only trims text of NFC-stable characters that the space rewrite leaves alone', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!PLAIN_LINE.test(ch)) continue;
      expect(NFC_STABLE.test(ch), `U+${c.toString(16)}`).toBe(true);
      expect(reference(`x${ch}x`), `U+${c.toString(16)}`).toBe(`x${ch}x`);
    }
    expect(PLAIN_LINE.test('a  b')).toBe(false);
    expect(PLAIN_LINE.test(' a b ')).toBe(true);
  });

  it('skips normalising only characters that are NFC alone and never combine with a neighbour', () => {
    const stable: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (NFC_STABLE.test(String.fromCharCode(c)) && c !== 0) stable.push(c);
    expect(stable.length).toBeGreaterThan(800);
    for (const c of stable) expect(String.fromCharCode(c).normalize('NFC')).toBe(String.fromCharCode(c));
    // NFC only joins a character to the one before it when the pair is part of some canonical decomposition.
    const stableSet = new Set(stable);
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const parts = [...String.fromCharCode(c).normalize('NFD')].slice(1);
      for (const part of parts)
        expect(stableSet.has(part.charCodeAt(0)), `U+${c.toString(16)} decomposes to a stable character`).toBe(false);
    }
  });
});

describe('reading a reported status', () => {
  it.each([
    ['done', 'done'],
    ['in_progress', 'in_progress'],
    ['Đang thực hiện', 'in_progress'],
    ['DANG  THUC HIEN', 'in_progress'],
    ['Đã hoàn thành', 'done'],
    ['chưa thực hiện', 'not_started'],
    ['dang lam', undefined],
    ['toString', undefined],
    ['constructor', undefined],
  ])('reads %j as %s', (text, status) => {
    expect(parseReportedStatus(text)).toBe(status);
  });
});

describe('Vietnamese order', () => {
  it('sorts names as a Vietnamese reader expects (d before đ, a before ă before â)', () => {
    const names = ['Đoàn', 'Dương', 'Ân', 'Anh', 'Ăn', 'Bình'];
    expect(sortVi(names, (n) => n)).toEqual(['Anh', 'Ăn', 'Ân', 'Bình', 'Dương', 'Đoàn']);
  });

  it.each([
    ['II.1.a', 'II.1.b'],
    ['II.2', 'II.10'],
    ['IV', 'IX'],
    ['II', 'II.1'],
    ['II.1.d', 'II.1.đ'],
    ['III', 'IV'],
  ])('puts plan number %s before %s', (a, b) => {
    expect(compareIds(a, b)).toBeLessThan(0);
    expect(compareIds(b, a)).toBeGreaterThan(0);
  });
});
