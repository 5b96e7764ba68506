/** JavaScript shipped per page type: the gzipped size of every script a built page loads, following imports. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_TYPES, type PageType } from '../lib/report';
import { jsImports, pageScripts } from '../lib/scripts';

/** What one page type loads. */
export interface PageJs {
  /** The page measured, relative to the built site. */
  page: string;
  /** Gzipped KB of every script file and inline script. */
  kb: number;
  /** The script files loaded, relative to the built site. */
  files: string[];
  inlineScripts: number;
  /** Whether the page draws a chart (a canvas or a *-chart element). */
  hasChart: boolean;
}

/** Gzipped size in bytes (zlib's default level, as most web servers use). */
export function gzSize(data: string | Buffer): number {
  return gzipSync(data).length;
}

/** The largest index.html one level below dir/<sub>/, or the first when `first` is set; undefined when there is none. */
function pickPage(dist: string, sub: string, first = false): string | undefined {
  const dir = join(dist, sub);
  if (!existsSync(dir)) return undefined;
  const pages = readdirSync(dir)
    .sort()
    .map((name) => join(sub, name, 'index.html'))
    .filter((p) => existsSync(join(dist, p)));
  if (first || pages.length === 0) return pages[0];
  return pages.reduce((a, b) => (statSync(join(dist, b)).size > statSync(join(dist, a)).size ? b : a));
}

/** The page measured for each type: the dashboard, /tasks/, and the biggest plan, section and unit page, the first task page. */
function representativePages(dist: string): Record<PageType, string | undefined> {
  const plan = pickPage(dist, 'plans');
  const planDir = plan?.replace(/\/index\.html$/, '');
  return {
    dashboard: 'index.html',
    plan,
    section: planDir && pickPage(dist, join(planDir, 'sections')),
    task: planDir && pickPage(dist, join(planDir, 'tasks'), true),
    unit: pickPage(dist, 'units'),
    index: 'tasks/index.html',
  };
}

/** The site-relative file a script URL points to, seen from a page or script at `from` (site path, base /). */
function resolveRef(from: string, ref: string): string {
  return decodeURIComponent(new URL(ref, `http://site/${from}`).pathname).replace(/^\//, '');
}

/** Weighs one page's JavaScript: its script files and everything they import, each file once. */
function pageJs(dist: string, page: string): PageJs {
  const html = readFileSync(join(dist, page), 'utf8');
  const { external, inline } = pageScripts(html);
  const seen = new Set<string>();
  const queue = external.map((ref) => resolveRef(page, ref));
  let bytes = inline.reduce((n, code) => n + gzSize(code), 0);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    bytes += gzSize(code);
    if (file.endsWith('.js') || file.endsWith('.mjs'))
      queue.push(...jsImports(code.toString('utf8')).map((ref) => resolveRef(file, ref)));
  }
  const hasChart = /<canvas\b|<[a-z][\w-]*-chart\b/i.test(html);
  return { page, kb: bytes / 1024, files: [...seen], inlineScripts: inline.length, hasChart };
}

/** Weighs the representative page of every type; a type with no page is left out. */
export function measureJs(dist: string): Partial<Record<PageType, PageJs>> {
  const pages = representativePages(dist);
  const out: Partial<Record<PageType, PageJs>> = {};
  for (const type of PAGE_TYPES) {
    const page = pages[type];
    if (page && existsSync(join(dist, page))) out[type] = pageJs(dist, page);
  }
  return out;
}
