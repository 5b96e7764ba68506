import { describe, expect, it } from 'vitest';
import { cleanText, compareIds, foldVietnamese, sortVi } from '../../src/lib/text';

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
