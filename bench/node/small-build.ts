/**
 * The everyday rebuild: the shipped data (one office's plan), changed and rebuilt, against a bare Astro build of as
 * many pages. The first build fills a bundle cache of its own; the measured builds reuse it, as a rebuild after a
 * change to data/ does.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFloor, buildProject, filesEndingWith, writeFloorProject } from './builds';
import type { MeasuredRun } from './process';

/** What the small rebuilds measured. */
export interface SmallBuildMeasure {
  /** The first build (bundles, fills the cache). */
  first: MeasuredRun;
  /** Rebuilds after a change to the data, one per round. */
  rebuilds: MeasuredRun[];
  floors: MeasuredRun[];
  /** Files the site has (pages, exports, search file, feed). */
  pages: number;
}

/** Copies the project's data/ to root, builds it once, then `rounds` times changes a report note and rebuilds, each beside a floor build. */
export async function measureSmallBuild(project: string, root: string, rounds: number): Promise<SmallBuildMeasure> {
  const dataDir = join(root, 'data');
  cpSync(join(project, 'data'), dataDir, { recursive: true });
  // A bundle cache of its own, inside the project (a bundle imports the project's node_modules); removed at the end.
  const cache = join(project, '.cache', `bench-bundle-${process.pid}`);
  const env = { PLAN_BUNDLE_CACHE_DIR: cache };
  try {
    return await rebuildRounds(project, root, dataDir, env, rounds);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

async function rebuildRounds(
  project: string,
  root: string,
  dataDir: string,
  env: Record<string, string>,
  rounds: number,
): Promise<SmallBuildMeasure> {
  const first = await buildProject(project, dataDir, join(root, 'site-first'), undefined, env);
  const pages = filesEndingWith(join(root, 'site-first'), '.html').length;
  const rebuilds: MeasuredRun[] = [];
  const floors: MeasuredRun[] = [];
  const progress = join(dataDir, 'plans', '2024-khac-phuc', 'progress.csv');
  for (let round = 1; round <= rounds; round++) {
    writeFileSync(progress, `${readFileSync(progress, 'utf8').trimEnd()}\n`.replace(/\n$/, ` \n`));
    rebuilds.push(await buildProject(project, dataDir, join(root, `site-${round}`), undefined, env));
    const floorDir = join(root, `floor-${round}`);
    writeFloorProject(floorDir, pages, project);
    floors.push(await buildFloor(floorDir));
  }
  return { first, rebuilds, floors, pages };
}
