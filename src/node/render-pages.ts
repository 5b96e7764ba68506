/**
 * Renders the site's pages with the App of the site's server bundle (src/node/render-entry.ts) and writes them as
 * files, in one of the build's render threads (src/node/render-worker.mjs). Every thread lists the same pages in the
 * same order, then takes the next batch from a counter the threads share until none are left, so they finish together
 * however unequal the pages are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SSRManifest } from 'astro';
import type { App } from 'astro/app';
import { expectedStatus, outputFile, pathParams, renderBatches, requestPath, type RouteKind } from '../lib/page-files';

/** One page to render: its path as the route generates it, and what kind of file it makes. */
export interface PageToRender {
  pathname: string;
  kind: RouteKind;
  /** The only page of its route (a route without parameters). */
  single: boolean;
}

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

/** Pages of routes with parameters a thread takes at a time. */
const BATCH = 8;

/** Origin of the requests, as Astro's static build makes them (a site without `site` in its config). */
const ORIGIN = 'http://localhost:4321';

/** Lists, renders and writes this thread's share of the site's pages; `app` is made from `manifest`. */
export async function renderShare(app: App, manifest: SSRManifest, share: RenderShare): Promise<RenderResult> {
  const pages = await listPages(manifest);
  const result: RenderResult = { pages: pages.length, failures: [] };
  const base = manifest.base;
  const batches = renderBatches(pages, BATCH);
  for (;;) {
    const taken = Atomics.add(share.next, 0, 1);
    if (taken >= batches.length) break;
    for (const page of batches[taken]!) {
      const response = await app.render(new Request(new URL(requestPath(page.pathname, page.kind, base), ORIGIN)));
      const body = new Uint8Array(await response.arrayBuffer());
      if (response.status !== expectedStatus(page.pathname, page.kind)) {
        result.failures.push({ path: page.pathname, status: response.status });
        continue;
      }
      const file = join(share.outDir, outputFile(page.pathname, page.kind));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
  }
  return result;
}

/** Every page of the site, as Astro's static build finds them: a route's own path, or one per entry of its getStaticPaths(); a path two routes make is rendered once, by the first. */
export async function listPages(manifest: SSRManifest): Promise<PageToRender[]> {
  const pages: PageToRender[] = [];
  const seen = new Set<string>();
  for (const { routeData: route } of manifest.routes) {
    // Astro's own routes (/_image, server islands) are not pages of the site.
    if (route.origin !== 'project' || (route.type !== 'page' && route.type !== 'endpoint')) continue;
    let paths: string[];
    if (route.pathname) {
      paths = [route.pathname];
    } else {
      const load = manifest.pageMap?.get(route.component);
      if (!load) throw new Error(`${route.component}: not in the server bundle`);
      const module = await (await load()).page();
      if (!module.getStaticPaths) throw new Error(`${route.component}: a route with parameters needs getStaticPaths()`);
      const entries = await module.getStaticPaths({
        paginate: unsupportedPaginate,
        routePattern: route.route,
      } as never);
      paths = entries.map((entry) => route.generate(pathParams(entry.params)));
    }
    for (const pathname of paths) {
      if (seen.has(pathname)) continue;
      seen.add(pathname);
      pages.push({ pathname, kind: route.type, single: route.pathname !== undefined });
    }
  }
  return pages;
}

function unsupportedPaginate(): never {
  throw new Error('paginate() is not supported by this build');
}
