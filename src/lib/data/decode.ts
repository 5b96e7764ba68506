/** Turning a data file's bytes into text: byte-order marks, UTF-8, UTF-16 and Excel's Windows-1258, always NFC. */
import { PLAIN_UNGARBLED } from './lossy-text';
import { PLAIN_TEXT } from '../text';

/** The encodings a data file may be in. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** Decoded NFC text, or why the bytes are not text we can read (with the line of the first bad byte when known). */
export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      warning?: string;
      /** The text is PLAIN_TEXT (text.ts): CSV cells cut from it need little cleaning. */
      plainText?: true;
      /** The text is PLAIN_UNGARBLED (lossy-text.ts): it shows none of the marks of garbled Vietnamese. */
      ungarbled?: true;
    }
  | { ok: false; message: string; line?: number };

const SAVE_AS = 'save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again';

/** Decodes a data file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1258 when the bytes fit it. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const container = containerFormat(bytes);
  if (container) return { ok: false, line: 1, message: `is ${container}, not a text file; ${SAVE_AS}` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeDeclared(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeDeclared(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeDeclared(bytes.subarray(3), 'utf-8-bom');
  const utf8 = decodeFatal(bytes, 'utf-8');
  return utf8 !== undefined ? checkText(utf8, 'utf-8') : decodeWindows1258(bytes);
}

/** Decodes bytes whose encoding a byte-order mark declared: no guessing, so nothing to warn about. */
function decodeDeclared(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'utf-8-bom'): DecodeResult {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const text = decodeFatal(bytes, label);
  if (text !== undefined) return checkText(text, encoding);
  const loose = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  const name = label.toUpperCase();
  return {
    ok: false,
    line: lineOfIndex(loose, loose.indexOf('\ufffd')),
    message: `starts with a ${name} byte-order mark but is not valid ${name} text; ${SAVE_AS}`,
  };
}

function decodeFatal(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function checkText(text: string, encoding: Encoding): DecodeResult {
  // One scan finds most files already NFC and free of control characters, and tells the CSV reader that its cells need little cleaning.
  if (PLAIN_UNGARBLED.test(text)) return { ok: true, text, encoding, plainText: true, ungarbled: true };
  if (PLAIN_TEXT.test(text)) return { ok: true, text, encoding, plainText: true };
  const bad = firstControl(text);
  if (bad >= 0) return { ok: false, line: lineOfIndex(text, bad), message: controlMessage(text.charCodeAt(bad)) };
  return { ok: true, text: text.normalize('NFC'), encoding };
}

// Excel's plain "CSV" on Vietnamese Windows writes Windows-1258: tone marks as separate combining bytes.
// Text in it never holds control bytes or the bytes Windows-1258 leaves undefined; binary data almost always does.
const WINDOWS_1258_UNDEFINED = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);

function decodeWindows1258(bytes: Uint8Array): DecodeResult {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isControlCode(b) || b === 0x7f || WINDOWS_1258_UNDEFINED.has(b)) {
      const why =
        b === 0
          ? 'it has NUL bytes: UTF-16 without a byte-order mark, or not a text file'
          : `byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} is never in Vietnamese text`;
      return {
        ok: false,
        line: lineOfByte(bytes, i),
        message: `is not text in UTF-8, UTF-16 or Windows-1258 (${why}); ${SAVE_AS}`,
      };
    }
  }
  const text = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  return {
    ok: true,
    text,
    encoding: 'windows-1258',
    warning:
      'is not UTF-8; read it as Windows-1258 (Excel\'s plain "CSV" on Vietnamese Windows). Check that its Vietnamese letters look right on the site, or save it as "CSV UTF-8"',
  };
}

/** True for C0 control codes that never appear in text files: all but tab, line feed, vertical tab, form feed, CR. */
function isControlCode(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d;
}

// The same characters as isControlCode: C0 controls except tab, line feed, vertical tab, form feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0e-\x1f]/;

// A regular expression scans a large file many times faster than a loop over char codes.
function firstControl(text: string): number {
  return text.search(CONTROL);
}

function controlMessage(code: number): string {
  if (code === 0) return `contains NUL bytes, so it is not a text file (UTF-16 without a byte-order mark?); ${SAVE_AS}`;
  return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which is not text; remove it or ${SAVE_AS}`;
}

function containerFormat(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'a ZIP file (an Excel .xlsx workbook?)';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'an Excel 97–2003 workbook (.xls)';
  return undefined;
}

function lineOfIndex(text: string, index: number): number | undefined {
  if (index < 0) return undefined;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}
