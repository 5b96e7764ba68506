/** `--archived N`: the live year beside N archived years of the same size, built cold, then rebuilt after a change to live data. */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles } from '../../src/lib/data/load-archive';
import { buildManifest, MANIFEST_FILE, serializeManifest } from '../../src/lib/data/manifest';
import { serializeSeal } from '../../src/lib/data/seal';
import { fsSource } from '../../src/node/data/fs-source';
import { sha256Hex } from '../../src/node/hash';
import { generateProvince, type ProvinceSize } from '../lib/province';
import { buildProject, filesEndingWith } from './builds';
import type { MeasuredRun } from './process';

/** What the archived runs measured. */
export interface ArchivedMeasure {
  /** The first build with the archived years (renders them and fills the cache). */
  cold: MeasuredRun;
  /** Builds of the live year alone, taken between the rebuilds so both see the same load on the machine. */
  live: MeasuredRun[];
  /** Builds after a change to live data (archived years from the cache), one per round. */
  warm: MeasuredRun[];
  /** Pages of the site with the archived years. */
  pages: number;
}

/** Writes archive/<year>/ for year - 1 … year - n: each year generated like a live one (its own as-of date), with a manifest and its seal as npm run snapshot writes them. */
function writeArchivedYears(archiveDir: string, size: ProvinceSize, seed: number, year: number, n: number): void {
  for (let back = 1; back <= n; back++) {
    const y = year - back;
    const dir = join(archiveDir, String(y));
    for (const [path, text] of Object.entries(generateProvince({ ...size, seed, year: y }))) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const asOf = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')).as_of as string;
    const plans = readdirSync(join(dir, 'plans')).sort();
    const hashes = hashFiles(fsSource('/'), dir, sha256Hex);
    const manifest = buildManifest({ year: y, asOf, snapshotAt: `${y + 1}-01-05T02:00:00.000Z`, plans, hashes });
    const text = serializeManifest(manifest);
    writeFileSync(join(dir, MANIFEST_FILE), text);
    writeFileSync(join(archiveDir, `${y}.seal`), serializeSeal(y, sha256Hex(text)));
  }
}

/** Copies the live data beside N archived years into root (root/data, root/archive) and builds it cold; then, each round, builds the live year alone and rebuilds after a change to the live as-of date. */
export async function measureArchived(
  project: string,
  liveData: string,
  root: string,
  size: ProvinceSize,
  seed: number,
  n: number,
  rounds: number,
): Promise<ArchivedMeasure> {
  const dataDir = join(root, 'data');
  cpSync(liveData, dataDir, { recursive: true });
  writeArchivedYears(join(root, 'archive'), size, seed, 2024, n);
  // A cache of its own, so no earlier run (or another checkout) can make the first build warm.
  const env = { PLAN_ARCHIVE_CACHE_DIR: join(root, 'cache') };
  const cold = await buildProject(project, dataDir, join(root, 'site-cold'), undefined, env);
  const pages = filesEndingWith(join(root, 'site-cold'), '.html').length;
  const live: MeasuredRun[] = [];
  const warm: MeasuredRun[] = [];
  const siteFile = join(dataDir, 'site.json');
  for (let round = 1; round <= rounds; round++) {
    live.push(await buildProject(project, liveData, join(root, `site-live-${round}`), undefined, env));
    writeFileSync(
      siteFile,
      readFileSync(siteFile, 'utf8').replace(
        /"as_of": "(\d{4})-12-(\d\d)"/,
        (_m, y: string, d: string) => `"as_of": "${y}-12-${Number(d) + 1}"`,
      ),
    );
    warm.push(await buildProject(project, dataDir, join(root, `site-warm-${round}`), undefined, env));
  }
  return { cold, live, warm, pages };
}
