/** Prints where the project build spent its CPU time, from the profiles `node --cpu-prof` wrote. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inclusiveTime, timeByFunction, timeByGroup, type CpuProfile } from '../lib/cpu-profile';

/** Functions whose total time (with what they call) tells loading apart from rendering. */
const PHASES = [
  'loadDataset',
  'parseCsv',
  'parseRow',
  'evaluatePlan',
  'getSiteData',
  'listPages',
  'renderMarkdown',
  'renderPage',
  'renderShare',
  'writeFileSync',
];

/** Summarises every profile in dir (the build process and its render threads, and the bundling process), summed: top groups, top functions, phases. */
export function printProfile(dir: string, root: string, log: (line: string) => void): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return log('profile: none written');
  const profiles = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
  const groups = sumShares(profiles.map((p) => timeByGroup(p, root)));
  const total = groups.reduce((n, g) => n + g.ms, 0);
  const line = (g: { name: string; ms: number }) =>
    `  ${(g.ms / 1000).toFixed(1).padStart(6)} s ${((g.ms / total) * 100).toFixed(1).padStart(5)}%  ${g.name}`;
  log(
    `\nprofile of the build (${profiles.length} profiles: threads and processes, ${(total / 1000).toFixed(1)} s sampled; self time):`,
  );
  groups.slice(0, 20).forEach((g) => log(line(g)));
  log('top functions (self time):');
  sumShares(profiles.map((p) => timeByFunction(p, root)))
    .slice(0, 25)
    .forEach((g) => log(line(g)));
  log('inside (total time, including what they call; async work after an await is not counted):');
  const phases = sumShares(
    profiles.map((p) => Object.entries(inclusiveTime(p, PHASES)).map(([name, ms]) => ({ name, ms }))),
  );
  for (const name of PHASES) log(line({ name, ms: phases.find((g) => g.name === name)?.ms ?? 0 }));
}

/** Adds up time shares by name over several profiles, largest first. */
function sumShares(lists: readonly (readonly { name: string; ms: number }[])[]): { name: string; ms: number }[] {
  const byName = new Map<string, number>();
  for (const share of lists.flat()) byName.set(share.name, (byName.get(share.name) ?? 0) + share.ms);
  return [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
