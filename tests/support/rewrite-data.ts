/** Re-writes a clean data folder the way real offices save it: other encodings, separators, Unicode forms. */
import { CLEAN_STYLE, readCleanCsv, writeTestCsv, type CsvStyle } from './csv-writer';
import { encodeText, type TestEncoding } from './encodings';

/** Unicode forms text may arrive in: composed, decomposed (macOS, some keyboards) or a mix of both. */
export type UnicodeForm = 'NFC' | 'NFD' | 'mixed';

/** How to re-write every file of a data folder. */
export interface Rewrite {
  encoding?: TestEncoding;
  csv?: Partial<CsvStyle>;
  form?: UnicodeForm;
  /** JSON object keys written in capitals with stray spaces. */
  shoutJsonKeys?: boolean;
}

/** Puts text into a Unicode form; `mixed` decomposes every other word. */
export function toForm(text: string, form: UnicodeForm): string {
  if (form === 'NFC') return text.normalize('NFC');
  if (form === 'NFD') return text.normalize('NFD');
  return text
    .split(/(\s+)/)
    .map((part, i) => (i % 4 === 0 ? part.normalize('NFD') : part.normalize('NFC')))
    .join('');
}

/** Re-writes each file of a clean UTF-8 folder; undefined when some text cannot be written in the encoding. */
export function rewriteFiles(
  files: ReadonlyMap<string, Uint8Array>,
  how: Rewrite,
): Map<string, Uint8Array> | undefined {
  const out = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    let text = new TextDecoder().decode(bytes);
    if (path.endsWith('.csv')) {
      const { header, rows } = readCleanCsv(text);
      text = writeTestCsv(header, rows, { ...CLEAN_STYLE, ...how.csv });
    } else if (path.endsWith('.json') && how.shoutJsonKeys) {
      text = JSON.stringify(shoutKeys(JSON.parse(text)), null, 2);
    }
    const encoded = encodeText(toForm(text, how.form ?? 'NFC'), how.encoding ?? 'utf-8');
    if (!encoded) return undefined;
    out.set(path, encoded);
  }
  return out;
}

function shoutKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shoutKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [` ${k.toUpperCase()}\u00a0`, shoutKeys(v)]));
}
