/** Test-only encoders: text to the bytes Excel, LibreOffice and Notepad write (UTF-8 ± BOM, UTF-16 with BOM, Windows-1258). */

/** The encodings tests write files in. */
export type TestEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** Encodes text; undefined when a character cannot be written in that encoding (only Windows-1258 has gaps). */
export function encodeText(text: string, encoding: TestEncoding): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf-16le':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    case 'utf-16be':
      return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
    case 'windows-1258':
      return encodeWindows1258(text);
  }
}

let table: Map<string, number> | undefined;

/** Character → byte, by inverting Node's own Windows-1258 decoder (ASCII plus 0x80–0xFF). */
function windows1258Table(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('windows-1258');
  for (let b = 0; b < 256; b++) {
    const c = decoder.decode(new Uint8Array([b]));
    // Bytes Windows-1258 leaves undefined decode to C1 controls; nothing should be written as them.
    if (b < 0x80 || !/[\u0080-\u009f]/.test(c)) table.set(c, b);
  }
  return table;
}

/**
 * Encodes text as Windows-1258 the way Excel does: a letter that has its own byte is written as it is; otherwise as a
 * base letter that has one (â, ơ, ư …) plus combining tone marks (grave, acute, hook, tilde, dot below).
 */
export function encodeWindows1258(text: string): Uint8Array | undefined {
  const map = windows1258Table();
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const bytes = map.has(char) ? [map.get(char)!] : decomposeFor1258(char, map);
    if (!bytes) return undefined;
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

// "ệ" is e + dot below + circumflex in NFD; Windows-1258 has ê but no combining circumflex, so try every split of
// the marks into "composed with the base" and "written after it".
function decomposeFor1258(char: string, map: Map<string, number>): number[] | undefined {
  const [base, ...marks] = [...char.normalize('NFD')];
  if (base === undefined || marks.length === 0 || marks.length > 4) return undefined;
  for (let mask = 0; mask < 1 << marks.length; mask++) {
    const kept = marks.filter((_, i) => mask & (1 << i));
    const rest = marks.filter((_, i) => !(mask & (1 << i)));
    const head = (base + kept.join('')).normalize('NFC');
    if (map.has(head) && rest.every((m) => map.has(m))) return [map.get(head)!, ...rest.map((m) => map.get(m)!)];
  }
  return undefined;
}
