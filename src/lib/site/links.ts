/** Checking a built site: every internal link leads to a file that exists. */

/** Where a link in a page leads. */
export type LinkTarget =
  | { kind: 'internal'; file: string }
  | { kind: 'outside-base'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'other' };

/** A link that leads nowhere. */
export interface BrokenLink {
  /** The page holding the link, relative to the site folder, e.g. plans/x/index.html. */
  page: string;
  href: string;
  reason: string;
}

const ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The href and src values in an HTML page, entities decoded. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    const raw = match[1] ?? match[2] ?? '';
    links.push(raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => decodeEntity(all, e)));
  }
  return links;
}

function decodeEntity(all: string, entity: string): string {
  if (entity[0] === '#') {
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  }
  return ENTITIES[entity.toLowerCase()] ?? all;
}

/** The file a site path is served from: folders by their index.html, names percent-decoded. */
export function fileForPath(path: string): string {
  const decoded = decodeURIComponent(path.replace(/^\//, ''));
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

/** The URL path of a built file, relative to the site root: plans/x/index.html → plans/x/. */
export function pathForFile(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Resolves a link found in a page (given as a file relative to the site folder) against the site's base path. */
export function resolveLink(page: string, href: string, base: string): LinkTarget {
  const root = base.endsWith('/') ? base : `${base}/`;
  const origin = 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(href, `${origin}${root}${pathForFile(page)}`);
  } catch {
    return { kind: 'other' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other' };
  if (url.origin !== origin) return { kind: 'external', url: href };
  if (!url.pathname.startsWith(root)) return { kind: 'outside-base', path: url.pathname };
  return { kind: 'internal', file: fileForPath(url.pathname.slice(root.length)) };
}

/** Every internal link that leads to no file, or outside the base path, in the given pages. */
export function findBrokenLinks(
  pages: readonly { file: string; html: string }[],
  exists: (file: string) => boolean,
  base: string,
): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of new Set(extractLinks(page.html))) {
      const target = resolveLink(page.file, href, base);
      if (target.kind === 'outside-base')
        broken.push({ page: page.file, href, reason: `leads to ${target.path}, outside the site's base path ${base}` });
      else if (target.kind === 'internal' && !exists(target.file))
        broken.push({ page: page.file, href, reason: `leads to ${target.file}, which is not in the site` });
    }
  }
  return broken;
}
