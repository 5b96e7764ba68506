/**
 * Where the site's pages are requested and written when the build renders them itself (src/node/render-pages.ts):
 * the same URLs and files as Astro's static build with `build.format: 'directory'` and `trailingSlash: 'always'`
 * (astro/dist/core/build/generate.js and common.js), so the output is the same byte for byte.
 */

/** A page route renders HTML into a folder of its own; an endpoint (a .csv, .json or .xml route) writes its file as named. */
export type RouteKind = 'page' | 'endpoint';

/** getStaticPaths params as Astro puts them into a path: strings without slashes at either end, numbers as text. */
export function pathParams(params: Readonly<Record<string, string | number | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) out[key] = typeof value === 'string' ? value.replace(/^\/+|\/+$/g, '') : String(value);
  }
  return out;
}

/** The URL path a page is requested at: under the site's base, a page ending in a slash, an endpoint as it is. */
export function requestPath(pathname: string, kind: RouteKind, base: string): string {
  if (pathname === '/' || pathname === '') return base;
  const relative = pathname.replace(/^\/+/, '');
  return joinPath(base, kind === 'endpoint' ? relative : `${relative.replace(/\/+$/, '')}/`);
}

/** Pages Astro writes as `404.html` and `500.html` rather than into a folder; they answer with that status. */
const STATUS_PAGES = new Set(['404', '500']);

/** The file a page is written to, relative to the site folder: `plans/x/index.html`, `exports/x.csv`, `index.html`, `404.html`. */
export function outputFile(pathname: string, kind: RouteKind): string {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  if (kind === 'endpoint') return path;
  if (STATUS_PAGES.has(path)) return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

/** The status a page answers with when it renders as it should: 404 and 500 for those pages, 200 for every other. */
export function expectedStatus(pathname: string, kind: RouteKind): number {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  return kind === 'page' && STATUS_PAGES.has(path) ? Number(path) : 200;
}

function joinPath(base: string, relative: string): string {
  return `${base.replace(/\/+$/, '')}/${relative}`;
}

/**
 * The pages in the batches the render threads take one at a time: first every page of a route without parameters,
 * together (few, and the slowest of the site: the dashboard, and /tasks/ and its search file, which share one index,
 * so one thread builds it once, at the start), then the others in their order, `size` at a time.
 */
export function renderBatches<T extends { single: boolean }>(pages: readonly T[], size: number): T[][] {
  const batches = [pages.filter((p) => p.single)];
  const rest = pages.filter((p) => !p.single);
  for (let i = 0; i < rest.length; i += size) batches.push(rest.slice(i, i + size));
  return batches;
}
