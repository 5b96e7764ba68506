/** The load test of the served site (`npm run bench -- --serve`): what a page makes a browser fetch, and the figures of a run. */
import { attribute, jsImports } from './scripts';

const TAG = /<(link|script)\b([^>]*)>/gi;

/** The absolute URLs of what a page makes a browser fetch: stylesheets, icons and scripts, and the task index's search file. */
export function pageAssets(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const [, tag, attrs = ''] of html.matchAll(TAG)) {
    const rel = (attribute(attrs, 'rel') ?? '').toLowerCase();
    const ref =
      tag!.toLowerCase() === 'script'
        ? attribute(attrs, 'src')
        : /\b(?:stylesheet|icon|modulepreload)\b/.test(rel)
          ? attribute(attrs, 'href')
          : undefined;
    if (ref) found.add(new URL(ref.replace(/&amp;/g, '&'), pageUrl).href);
  }
  const search = /\sdata-search-src="([^"]+)"/.exec(html)?.[1];
  if (search) found.add(new URL(search, pageUrl).href);
  return [...found];
}

/** The absolute URLs of the modules a script imports. */
export function scriptImports(code: string, scriptUrl: string): string[] {
  return jsImports(code).map((spec) => new URL(spec, scriptUrl).href);
}

/** One request of a run. */
export interface Sample {
  ms: number;
  ok: boolean;
}

/** The figures of a run. */
export interface LoadSummary {
  requests: number;
  failures: number;
  pages: number;
  /** Pages with a failed request, the page's or an asset's. */
  failedPages: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The value at fraction p (0–1) of values sorted ascending (nearest rank); 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** The summary of a run's requests and pages. */
export function summarizeLoad(samples: readonly Sample[], pages: number, failedPages: number): LoadSummary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    failures: samples.filter((s) => !s.ok).length,
    pages,
    failedPages,
    p50Ms: percentile(ms, 0.5),
    p99Ms: percentile(ms, 0.99),
    maxMs: ms.at(-1) ?? 0,
  };
}

/** Whether a status counts as served: 200, or 304 for a conditional request. */
export function isServed(status: number): boolean {
  return status === 200 || status === 304;
}
