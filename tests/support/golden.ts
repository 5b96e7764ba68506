/**
 * The golden output: the default data's pages, exports and stylesheet as a build writes them, normalised so that a
 * review shows what changed for readers. Hashed asset names are masked, and HTML is broken into one tag a line.
 * Update it with `npx vitest run tests/build/site.test.ts -u`, and read the diff before committing.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { columnLetters } from '../../src/lib/data/workbook/sheet';
import { readWorkbookSync } from '../../src/node/data/workbook/read-workbook';

/** Where the golden files are kept. */
export const GOLDEN_DIR = 'tests/golden/default';

/** Text the site writes: pages, exports, the search file, the feed and the stylesheet, and its workbooks (as text). Bundled scripts are left out (minified library code, which the dependency versions decide), and so are public/'s images. */
export function isGoldenFile(file: string): boolean {
  return /\.(html|json|csv|xml|css|xlsx)$/.test(file);
}

/** A built file as the golden output keeps it: text normalised, a workbook as the text of its cells (`<name>.xlsx.txt`). */
export function goldenOf(file: string, bytes: Uint8Array): { file: string; content: string } {
  if (!file.endsWith('.xlsx'))
    return normaliseForGolden(file, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  const read = readWorkbookSync(bytes, '');
  if (!read.ok) return { file: `${file}.txt`, content: `unreadable: ${read.message}\n` };
  const lines = [`sheet ${read.sheet.name}`];
  for (const row of read.sheet.rows)
    for (const { col, value } of row.cells)
      lines.push(`${columnLetters(col)}${row.row} ${value.t} ${JSON.stringify(value.v)}`);
  return { file: `${file}.txt`, content: `${lines.join('\n')}\n` };
}

/** A built file's name and content as the golden output keeps them. */
function normaliseForGolden(file: string, content: string): { file: string; content: string } {
  const masked = (text: string) => text.replace(/(_astro\/[\w.-]+?)\.[\w-]{8}\.(css|js)\b/g, '$1.[hash].$2');
  const text = masked(content);
  return { file: masked(file), content: file.endsWith('.html') ? text.replace(/></g, '>\n<') : text };
}

/** Every file under dir, relative to it, sorted. */
export function listGolden(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
