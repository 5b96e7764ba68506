import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/data/decode';
import { PLAIN_TEXT } from '../../../src/lib/text';
import { encodeText, encodeWindows1258 } from '../../support/encodings';

const SAMPLE = 'id;name\nhcqt;Phòng Hành chính - Quản trị\nđt;Đảng ủy, “Tiếp” – ệ ấ ử ỡ\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes reads what Excel, LibreOffice and Notepad save', () => {
  it.each([
    ['UTF-8', 'utf-8', 'utf-8'],
    ['UTF-8 with a BOM', 'utf-8-bom', 'utf-8-bom'],
    ['UTF-16 LE with a BOM', 'utf-16le', 'utf-16le'],
    ['UTF-16 BE with a BOM', 'utf-16be', 'utf-16be'],
    ['Windows-1258', 'windows-1258', 'windows-1258'],
  ] as const)('%s', (_, encoding, expected) => {
    const result = decodeBytes(encodeText(SAMPLE, encoding)!);
    expect(result).toMatchObject({ ok: true, text: SAMPLE, encoding: expected });
  });

  it('warns only when it had to guess the encoding (Windows-1258)', () => {
    expect(decodeBytes(encodeText(SAMPLE, 'windows-1258')!)).toMatchObject({
      warning: expect.stringContaining('Windows-1258'),
    });
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const) {
      expect(decodeBytes(encodeText(SAMPLE, encoding)!)).not.toHaveProperty('warning');
    }
  });

  it('gives NFC text whatever form the file was in (Windows-1258 writes tone marks apart)', () => {
    const bytes = encodeWindows1258('Phòng Tổng hợp')!;
    expect([...bytes]).toContain(0xcc); // the combining grave accent of "ò"
    const result = decodeBytes(bytes);
    expect(result.ok && result.text).toBe('Phòng Tổng hợp');
    const nfd = decodeBytes(utf8('Phòng Tổng hợp'.normalize('NFD')));
    expect(nfd.ok && nfd.text).toBe('Phòng Tổng hợp'.normalize('NFC'));
  });

  it('takes plain ASCII as UTF-8, with no warning', () => {
    expect(decodeBytes(utf8('id,name\nth,P.TH\n'))).toEqual({
      ok: true,
      text: 'id,name\nth,P.TH\n',
      encoding: 'utf-8',
      plainText: true,
      ungarbled: true,
    });
  });

  it('accepts the line breaks Word leaves in copied text (vertical tab, form feed)', () => {
    expect(decodeBytes(utf8('a\u000bb\u000cc\r\n'))).toMatchObject({ ok: true });
  });
});

describe('decodeBytes refuses what is not text, saying on which line', () => {
  it.each([
    ['NUL bytes in otherwise valid UTF-8', utf8('id,name\nth,\u0000x\n'), 2, /contains NUL bytes/],
    ['a control character in UTF-8', utf8('id,name\n\nth,a\u0007\n'), 3, /control character U\+0007/],
    ['UTF-16 without its BOM', encodeText('id,name\nhcqt,Phòng\n', 'utf-16le')!.subarray(2), 1, /NUL bytes/],
    [
      'bytes Windows-1258 leaves undefined',
      new Uint8Array([0x61, 0x0a, 0xe1, 0x8e, 0x0a]),
      2,
      /byte 0x8E is never in Vietnamese text/,
    ],
    [
      'a control byte in a file that is not UTF-8',
      new Uint8Array([0x61, 0xe1, 0x0a, 0x0a, 0x03]),
      3,
      /byte 0x03 is never/,
    ],
    [
      'a UTF-8 BOM over bytes that are not UTF-8',
      new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xff]),
      2,
      /UTF-8 byte-order mark but is not valid UTF-8/,
    ],
    [
      'a UTF-16 BOM over an odd number of bytes',
      new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]),
      1,
      /UTF-16LE byte-order mark but is not valid UTF-16LE/,
    ],
    ['an .xlsx workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 1, /ZIP file \(an Excel \.xlsx workbook\?\)/],
    ['an .xls workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 1, /Excel 97–2003 workbook/],
  ])('%s', (_, bytes, line, message) => {
    const result = decodeBytes(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(line);
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(/CSV UTF-8/);
  });
});

describe('decodeBytes checks plain text with one scan', () => {
  // The reference: what checking decoded UTF-8 did before it learned to recognise plain text.
  const reference = (text: string) => {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const bad = text.search(/[\x00-\x08\x0e-\x1f]/);
    return bad >= 0 ? { ok: false, code: text.charCodeAt(bad) } : { ok: true, text: text.normalize('NFC') };
  };

  it('gives the same text or refusal as the full check, and says plainText only of PLAIN_TEXT', () => {
    const alphabet = [
      ...'aZ09 ,.;"-đĐơưệỹ“”–\n\r\t\v\f',
      '\u0000',
      '\u0007',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u00a0',
      '\u2028',
      '\u200b',
      '\u0301',
      '\u212b',
      '\ufeff',
      '😀',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((chars) => `x${chars.join('')}`);
    fc.assert(
      fc.property(text, (t) => {
        const result = decodeBytes(utf8(t));
        const expected = reference(t);
        expect(result.ok).toBe(expected.ok);
        if (!result.ok || !expected.ok) return;
        expect(result.text).toBe(expected.text);
        expect(result.plainText === true).toBe(PLAIN_TEXT.test(t));
      }),
      { numRuns: 5000 },
    );
  });
});
