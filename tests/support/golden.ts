/**
 * The golden output: the default data's pages, exports and stylesheet as a build writes them, normalised so that a
 * review shows what changed for readers. Hashed asset names are masked, and HTML is broken into one tag a line.
 * Update it with `npx vitest run tests/build/site.test.ts -u`, and read the diff before committing.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where the golden files are kept. */
export const GOLDEN_DIR = 'tests/golden/default';

/** Text the site writes: pages, exports, the search file, the feed and the stylesheet. Bundled scripts are left out (minified library code, which the dependency versions decide), and so are public/'s images. */
export function isGoldenFile(file: string): boolean {
  return /\.(html|json|csv|xml|css)$/.test(file);
}

/** A built file's name and content as the golden output keeps them. */
export function normaliseForGolden(file: string, content: string): { file: string; content: string } {
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
