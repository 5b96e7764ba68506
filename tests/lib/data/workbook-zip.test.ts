import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellText, columnLetters, numberText } from '../../../src/lib/data/workbook/sheet';
import { entryDataOffset, readZipDirectory, setZipTimes } from '../../../src/lib/data/workbook/zip';
import { crc32, zipFiles } from '../../../src/lib/data/workbook/zip-write';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('ZIP files, the package of a workbook', () => {
  it('CRC-32 as ZIP files hold it', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes files that its directory reader, and zlib, read back', async () => {
    const text = 'Báo cáo tiến độ '.repeat(200);
    const zip = await zipFiles(
      [
        { name: 'xl/tệp.xml', data: utf8(text) },
        { name: 'empty', data: new Uint8Array() },
      ],
      '2024-11-30',
    );
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.reason);
    const [entry, empty] = directory.entries;
    expect(entry).toMatchObject({ name: 'xl/tệp.xml', method: 8, size: utf8(text).length });
    expect(entry!.compressedSize).toBeLessThan(entry!.size / 10);
    const start = entryDataOffset(zip, entry!)!;
    expect(new TextDecoder().decode(inflateRawSync(zip.subarray(start, start + entry!.compressedSize)))).toBe(text);
    expect(empty).toMatchObject({ name: 'empty', size: 0 });
  });

  it('writes the same bytes for the same files, whenever it runs', async () => {
    const files = [{ name: 'a.xml', data: utf8('<a/>') }];
    expect(await zipFiles(files, '2024-11-30')).toEqual(await zipFiles(files, '2024-11-30'));
  });

  it('sets every entry time to one date without touching the contents', async () => {
    const zip = await zipFiles([{ name: 'a.xml', data: utf8('<a/>') }], '2024-11-30');
    const other = setZipTimes(zip, { year: 2025, month: 1, day: 5 });
    expect(other).not.toEqual(zip);
    expect(setZipTimes(other, { year: 2024, month: 11, day: 30 })).toEqual(zip);
  });

  it.each([
    ['not a ZIP at all', utf8('id,name\n'), 'it has no ZIP directory at its end (a damaged or cut-off file)'],
    [
      'a directory pointing past its end',
      (() => {
        const bytes = new Uint8Array(22);
        new DataView(bytes.buffer).setUint32(0, 0x06054b50, true);
        new DataView(bytes.buffer).setUint32(12, 100, true);
        return bytes;
      })(),
      'its ZIP directory points outside the file',
    ],
  ])('refuses %s', (_name, bytes, reason) => {
    expect(readZipDirectory(bytes)).toEqual({ ok: false, reason });
  });
});

describe('cells as text', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });

  it.each([
    [{ t: 'n', v: 0.1 + 0.2 }, '0.3'],
    [{ t: 'n', v: 0.29, pct: true }, '29'],
    [{ t: 'n', v: 75 }, '75'],
    [{ t: 'd', v: '2024-06-30' }, '2024-06-30'],
    [{ t: 'b', v: true }, 'TRUE'],
    [{ t: 's', v: ' x ' }, ' x '],
    [{ t: 'e', v: '#N/A' }, ''],
  ] as const)('%j reads as %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it('numbers as a spreadsheet shows them in General format', () => {
    expect(numberText(1 / 3)).toBe('0.333333333333333');
    expect(numberText(12.5)).toBe('12.5');
  });
});
