import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { findLossyText, HINT, PLAIN_UNGARBLED } from '../../../src/lib/data/lossy-text';
import { PLAIN_TEXT } from '../../../src/lib/text';
import { formatIssue } from '../../../src/lib/data/problems';
import { encodeWindows1258 } from '../../support/encodings';
import { memorySource, readFolder } from '../../support/memory-source';

// A lossy save decodes without error: the text itself must show it. These are the two saves the issue tried with
// LibreOffice 7.4, and the texts that look alike but are fine.
const clean = readFolder('data');
const TASKS = 'data/plans/2024-khac-phuc/tasks.csv';
const PROGRESS = 'data/plans/2024-khac-phuc/progress.csv';
const text = (path: string) => new TextDecoder().decode(clean.get(path)!);

/** UTF-8 text opened as Windows-1252 or 1258: what an import with the wrong character set shows. */
const misread = (s: string, as: 'windows-1252' | 'windows-1258') =>
  new TextDecoder(as).decode(new TextEncoder().encode(s));

/** Text saved in a code page, "?" for each character it has no byte for (as LibreOffice and Excel save). */
function saveAs(s: string, codePage: 'windows-1252' | 'windows-1258'): Uint8Array {
  const decoder = new TextDecoder(codePage);
  const bytes = new Map<string, number>();
  for (let b = 0; b < 256; b++) bytes.set(decoder.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const char of s.normalize('NFC')) {
    const single = bytes.get(char);
    const encoded = single !== undefined ? [single] : codePage === 'windows-1258' ? encodeWindows1258(char) : undefined;
    out.push(...(encoded ?? [0x3f]));
  }
  return new Uint8Array(out);
}

describe('findLossyText', () => {
  it.each([
    ['UTF-8 read as Windows-1252', misread('Phòng Hành chính - Quản trị', 'windows-1252'), 'PhÃ²ng', 'Phòng'],
    ['UTF-8 read as Windows-1258', misread('Phòng Hành chính', 'windows-1258'), 'PhĂ²ng', 'Phòng'],
    ['"Ä‘" for đ', misread('Ban Tiếp công dân đã tiếp', 'windows-1252'), 'Tiáº¿p', 'Tiếp'],
    ['decomposed text read wrongly', misread('Thực hiện'.normalize('NFD'), 'windows-1252'), 'ThuÌ›Ì£c', 'Thực'],
    ['a curly quote read wrongly', misread('“Tổng kết”', 'windows-1252'), 'â€œTá»•ng', '“Tổng'],
    [
      'read as Windows-1252, saved as 1258 and read back as UTF-8: "GiAޡo"',
      new TextDecoder().decode(saveAs(misread('Giáo dục chính trị', 'windows-1252'), 'windows-1258')),
      'GiA\u07a1o',
      'Giáo',
    ],
  ])('%s', (_name, input, word, repaired) => {
    expect(findLossyText(input)).toMatchObject({ kind: 'mojibake', word, repaired });
  });

  it.each([
    ['inside words', 'Ph?ng H?nh ch?nh - Qu?n tr?', 'Ph?ng'],
    ['at the start of a word', 'Ban ti?p c?ng d?n; ?i?u ch?nh', 'ti?p'],
    ['two in a row', 'Nhi??m v?', 'Nhi??m'],
  ])('"?" where letters were: %s', (_name, input, word) => {
    expect(findLossyText(input)).toMatchObject({ kind: 'question-marks', word });
  });

  it.each([
    ['clean Vietnamese text', 'Phòng Hành chính - Quản trị; Đảng ủy; NGÃ BA; Ã; Thực hiện'.normalize('NFD')],
    ['a question', 'Đã làm xong chưa? Có. Vì sao ?'],
    ['a link with a query', 'Xem [kết quả](http://may-chu/bao-cao?ky=12&nam=2024) và /tasks/?q=kiem'],
    ['guillemets after a letter', '«Tên là Má» ở «Bà»'],
    ['a non-breaking space after Â', 'CHÂ\u00a0U'],
    ['the default data', [...clean.values()].map((b) => new TextDecoder().decode(b)).join('\n')],
  ])('%s is not taken for damage', (_name, input) => {
    expect(findLossyText(input)).toBeUndefined();
  });

  it('counts the lines that show damage', () => {
    const input = ['id,title', 'a,Ph?ng', 'b,Cl?ean ok', 'c,fine', 'd,H?nh ch?nh'].join('\n');
    expect(findLossyText(input)).toMatchObject({ index: 13, word: 'Ph?ng', lines: 3 });
  });
});

describe('a CSV file saved lossily is refused with its line, never read as good data', () => {
  const load = (path: string, bytes: Uint8Array) => {
    const files = new Map(clean).set(path, bytes);
    const result = loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
    return { dataset: result.dataset, errors: result.issues.filter((i) => i.level === 'error').map(formatIssue) };
  };

  it('opened with the default import (as Windows-1252) and saved as Windows-1258', () => {
    const { dataset, errors } = load(TASKS, saveAs(misread(text(TASKS), 'windows-1252'), 'windows-1258'));
    expect(dataset).toBeUndefined();
    expect(errors).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/tasks.csv:2: "GiAޡo" is Vietnamese text garbled by a wrong encoding (it should read "Giáo") (26 lines show it): the file was opened as Windows-1252 or 1258 when it was UTF-8, then saved. Take the original again: in Excel, Save As → "CSV UTF-8"; in LibreOffice, open it with the character set "Unicode (UTF-8)" and save it with the same",
      ]
    `);
  });

  it('saved straight to CSV in Windows-1252: "?" for the Vietnamese letters', () => {
    const { dataset, errors } = load(PROGRESS, saveAs(text(PROGRESS), 'windows-1252'));
    expect(dataset).toBeUndefined();
    expect(errors).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/progress.csv:2: "?ă" has "?" where Vietnamese letters stood (78 lines show it): the file was saved in a character set without them (Windows-1252, "Western Europe"), and they are lost. Save the original workbook again: in Excel, Save As → "CSV UTF-8"; in LibreOffice, choose the character set "Unicode (UTF-8)"",
      ]
    `);
  });

  it('opened as Windows-1258 and saved as UTF-8', () => {
    const { errors } = load(
      'data/units.csv',
      new TextEncoder().encode(misread(text('data/units.csv'), 'windows-1258')),
    );
    expect(errors).toMatchInlineSnapshot(`
      [
        "data/units.csv:2: "PhĂ²ng" is Vietnamese text garbled by a wrong encoding (it should read "Phòng") (8 lines show it): the file was opened as Windows-1252 or 1258 when it was UTF-8, then saved. Take the original again: in Excel, Save As → "CSV UTF-8"; in LibreOffice, open it with the character set "Unicode (UTF-8)" and save it with the same",
      ]
    `);
  });
});

describe('the scan decoding makes anyway', () => {
  it('PLAIN_UNGARBLED is PLAIN_TEXT without the characters garbled Vietnamese always holds', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      expect(PLAIN_UNGARBLED.test(c), c).toBe(PLAIN_TEXT.test(c) && !HINT.test(c));
    }
  });
});
