/**
 * Splitting one site build between several `astro build` processes, one per CPU: each process renders a share of
 * the pages into its own folder and the folders are merged. Which process renders a page depends only on its path,
 * so every process agrees without talking to the others.
 */

/** One process's share: part `index` (0-based) of `count`. */
export interface BuildPart {
  index: number;
  count: number;
}

/** The whole build in one process. */
export const WHOLE_BUILD: BuildPart = { index: 0, count: 1 };

/** Reads `i/n` (e.g. `1/2`, as $PLAN_BUILD_PART holds it); absent or empty is the whole build; anything else throws. */
export function parseBuildPart(text: string | undefined): BuildPart {
  if (text === undefined || text.trim() === '') return WHOLE_BUILD;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`build part "${text}": expected i/n with 0 ≤ i < n, e.g. 0/2`);
  return { index, count };
}

/** Writes a part the way parseBuildPart reads it. */
export function formatBuildPart(part: BuildPart): string {
  return `${part.index}/${part.count}`;
}

/**
 * Whether this part renders the page at pathname. Pages of routes without parameters (the dashboard, /tasks/, the
 * lists) all go to part 0, which therefore takes a smaller share of the pages with parameters (task, section, plan,
 * unit and leader pages, exports), spread by a hash of the path so that each part gets a mix of every route.
 */
export function partRendersPage(part: BuildPart, pathname: string, hasParams: boolean): boolean {
  if (part.count === 1) return true;
  if (!hasParams) return part.index === 0;
  return partOfPath(pathname, part.count) === part.index;
}

/** Share of the pages with parameters that part 0 takes, relative to each other part: it also renders every page without parameters. */
export const FIRST_PART_WEIGHT = 0.8;

/** The part that renders a page with parameters: FNV-1a of the path, placed on parts weighted 0.8 : 1 : 1 … */
export function partOfPath(pathname: string, count: number): number {
  if (count === 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < pathname.length; i++) {
    hash ^= pathname.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A number in [0, 1) from the hash, then onto [0, total weight).
  const position = ((hash >>> 0) / 2 ** 32) * (FIRST_PART_WEIGHT + count - 1);
  return position < FIRST_PART_WEIGHT ? 0 : Math.min(count - 1, 1 + Math.floor(position - FIRST_PART_WEIGHT));
}

/** How many processes a build should use for `dataBytes` of data (live plans and archived years it renders) on a machine with `cpus` CPUs: one for a small site (a second Astro process costs more than it saves), else one per CPU up to four. */
export function buildProcessCount(dataBytes: number, cpus: number): number {
  if (dataBytes < MIN_BYTES_TO_SPLIT) return 1;
  return Math.max(1, Math.min(cpus, MAX_BUILD_PROCESSES));
}

/** Below this much data (about 400 tasks with a year of monthly reports, some 1,000 pages) a build runs in one process. It is decided from file sizes because the processes start before the data is validated. */
export const MIN_BYTES_TO_SPLIT = 1_000_000;
/** At most this many build processes (each holds the data and Astro's bundle in memory). */
export const MAX_BUILD_PROCESSES = 4;
