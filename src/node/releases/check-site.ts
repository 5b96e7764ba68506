/** Checks a built site folder: every expected page and export is there, no internal link is broken, and every page meets the Content-Security-Policy. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrokenLinks } from '../../lib/site/links';
import { INLINE_SCRIPTS } from '../../lib/site/inline-scripts';
import { cspProblems } from '../../lib/serve/csp';

/** Every file below dir, as paths relative to it with '/' separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort();
}

/** Problems with a built site, one line each: missing pages, broken links (page: "href" reason), then what the Content-Security-Policy would block (page: what). */
export function checkBuiltSite(dir: string, base: string, expected: readonly string[]): string[] {
  const files = new Set(listFiles(dir));
  const problems = expected.filter((f) => !files.has(f)).map((f) => `${f}: missing (the data calls for this page)`);
  const pages = [...files]
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(join(dir, file), 'utf8') }));
  for (const b of findBrokenLinks(pages, (f) => files.has(f), base))
    problems.push(`${b.page}: broken link ${JSON.stringify(b.href)} ${b.reason}`);
  for (const { file, html } of pages) for (const p of cspProblems(html, INLINE_SCRIPTS)) problems.push(`${file}: ${p}`);
  return problems;
}
