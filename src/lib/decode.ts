/** Turning a data file's bytes into text: byte-order marks and encodings. */

/** Decoded text, or a message saying why the bytes are not text we can read. */
export type DecodeResult = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; message: string };

/** Decodes a data file's bytes as UTF-8 (with or without a BOM). */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { ok: false, message: 'is not valid UTF-8 text; save it as "CSV UTF-8" and try again' };
  }
}
