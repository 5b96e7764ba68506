/**
 * How many threads render the site's pages (src/node/build/astro-build.ts): one for a small site, one per CPU for a
 * large one. Each thread loads the server bundle and its own copy of the data (about half a second and, at 10,000
 * tasks, some 300 MB), so a second thread pays only when there are enough pages to share.
 */
import { isFixedPage, type SitePage } from '../site/site-pages';

/** How many render threads a build should use for `dataBytes` of data (live plans and archived years it renders) on a machine with `cpus` CPUs: one below MIN_BYTES_TO_SPLIT, else one per CPU up to MAX_RENDER_THREADS. */
export function renderThreadCount(dataBytes: number, cpus: number): number {
  if (dataBytes < MIN_BYTES_TO_SPLIT) return 1;
  return Math.max(1, Math.min(cpus, MAX_RENDER_THREADS));
}

/**
 * Below this much data (about 2,000 tasks with a year of monthly reports, some 2,000 pages) one thread renders the
 * site. Measured on 2 CPUs: at 1,000 tasks (2.6 MB) one thread rendered in 2.8 s and two in 3.1–3.2 s (each thread
 * first loads the bundle and the data); at 10,000 tasks (26 MB) one in 22.9 s and two in 11.9–18.1 s.
 */
const MIN_BYTES_TO_SPLIT = 5_000_000;
/** At most this many render threads (each holds the data in memory). */
const MAX_RENDER_THREADS = 4;

/**
 * The pages in the batches the render threads take one at a time: first every fixed page, together (few, and the
 * slowest of the site: the dashboard, and /tasks/ and its search file, which share one index, so one thread builds it
 * once, at the start), then the others in their order, `size` at a time.
 */
export function renderBatches(pages: readonly SitePage[], size: number): SitePage[][] {
  const batches = [pages.filter(isFixedPage)];
  const rest = pages.filter((p) => !isFixedPage(p));
  for (let i = 0; i < rest.length; i += size) batches.push(rest.slice(i, i + size));
  return batches;
}
