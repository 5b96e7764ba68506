/**
 * How many threads render the site's pages (src/node/astro-build.ts): one for a small site, one per CPU for a
 * large one. Each thread loads the server bundle and its own copy of the data (about half a second and, at 10,000
 * tasks, some 300 MB), so a second thread pays only when there are enough pages to share.
 */

/** How many render threads a build should use for `dataBytes` of data (live plans and archived years it renders) on a machine with `cpus` CPUs: one below MIN_BYTES_TO_SPLIT, else one per CPU up to MAX_RENDER_THREADS. */
export function renderThreadCount(dataBytes: number, cpus: number): number {
  if (dataBytes < MIN_BYTES_TO_SPLIT) return 1;
  return Math.max(1, Math.min(cpus, MAX_RENDER_THREADS));
}

/** Below this much data (about 400 tasks with a year of monthly reports, some 1,000 pages) one thread renders the site. */
export const MIN_BYTES_TO_SPLIT = 1_000_000;
/** At most this many render threads (each holds the data in memory). */
export const MAX_RENDER_THREADS = 4;
