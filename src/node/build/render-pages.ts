/**
 * Renders the site's pages with Astro's app (src/node/build/render-entry.ts) and writes them as files, in one of the build's
 * render threads (src/node/build/render-worker.mjs). Every thread has the same list of pages (src/lib/site/site-pages.ts), then
 * takes the next batch from a counter the threads share until none are left, so they finish together however unequal
 * the pages are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderBatches } from '../../lib/build/render-plan';
import type { SitePage } from '../../lib/site/site-pages';

/** What a render thread is asked to do. */
export interface RenderShare {
  /** The site folder (the bundle's client folder: scripts, styles and public/ are already there). */
  outDir: string;
  /** The index of the next batch of pages no thread has taken yet, shared by every thread of the build. */
  next: Int32Array;
}

/** What a render thread did. */
export interface RenderResult {
  /** Pages in the site (the same in every thread). */
  pages: number;
  /** Pages that did not render: their path and the status they answered with (the error is in the thread's output). */
  failures: { path: string; status: number }[];
}

/** What renders a page: Astro's app (`render(request)`, its documented adapter API). */
export interface PageRenderer {
  render(request: Request): Promise<Response>;
}

/** Pages of routes with parameters a thread takes at a time. */
const BATCH = 8;

/** Origin of the requests (the site has no `site` in its config; pages link by path only). */
const ORIGIN = 'http://localhost:4321';

/** Renders and writes this thread's share of `pages`, requested under the site's base path. */
export async function renderShare(
  app: PageRenderer,
  pages: readonly SitePage[],
  base: string,
  share: RenderShare,
): Promise<RenderResult> {
  const result: RenderResult = { pages: pages.length, failures: [] };
  const batches = renderBatches(pages, BATCH);
  for (;;) {
    const taken = Atomics.add(share.next, 0, 1);
    if (taken >= batches.length) break;
    for (const page of batches[taken]!) {
      const response = await app.render(new Request(new URL(`${base.replace(/\/*$/, '/')}${page.path}`, ORIGIN)));
      const body = new Uint8Array(await response.arrayBuffer());
      if (response.status !== (page.status ?? 200)) {
        result.failures.push({ path: `/${page.path}`, status: response.status });
        continue;
      }
      const file = join(share.outDir, page.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
  }
  return result;
}
