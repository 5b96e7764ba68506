/** Finding the JavaScript a built page loads: its script tags, and the modules those scripts import. */

/** The scripts of one HTML page. */
export interface PageScripts {
  /** URLs of `<script src>` and `<link rel="modulepreload">`, as written. */
  external: string[];
  /** Bodies of inline scripts that run (JSON data blocks are not JavaScript and are left out). */
  inline: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const PRELOAD = /<link\b([^>]*\brel\s*=\s*["']?modulepreload["']?[^>]*)>/gi;
const RUNNABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The value of an attribute in a tag's attribute text, or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Lists the scripts a page loads. */
export function pageScripts(html: string): PageScripts {
  const external: string[] = [];
  const inline: string[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(SCRIPT)) {
    const src = attribute(attrs, 'src');
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!RUNNABLE.has(type)) continue;
    if (src !== undefined) external.push(src);
    else if (body.trim() !== '') inline.push(body);
  }
  for (const [, attrs = ''] of html.matchAll(PRELOAD)) {
    const href = attribute(attrs, 'href');
    if (href !== undefined) external.push(href);
  }
  return { external, inline };
}

const STATIC_FROM = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?)\s*from\s*["']([^"']+)["']/g;
const BARE_IMPORT = /\bimport\s*["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** The relative or absolute module paths a bundled script imports, statically or dynamically, each once. */
export function jsImports(code: string): string[] {
  const found = new Set<string>();
  for (const pattern of [STATIC_FROM, BARE_IMPORT, DYNAMIC_IMPORT]) {
    for (const [, spec] of code.matchAll(pattern)) {
      if (spec && /^(?:\.{1,2}\/|\/)/.test(spec)) found.add(spec);
    }
  }
  return [...found];
}
