/** Prints where the project build spent its CPU time, from the profiles `node --cpu-prof` wrote. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inclusiveTime, timeByFunction, timeByGroup, type CpuProfile } from '../lib/cpu-profile';

/** Functions whose total time (with what they call) tells loading apart from rendering. */
const PHASES = ['loadDataset', 'parseCsv', 'parseRow', 'evaluatePlan', 'getSiteData', 'renderMarkdown', 'renderPage', 'generatePages', 'writeFile'];

/** Summarises the largest profile in dir (the build's main process): top groups, top functions, phases. */
export function printProfile(dir: string, root: string, log: (line: string) => void): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return log('profile: none written');
  const biggest = files.map((f) => join(dir, f)).reduce((a, b) => (readFileSync(b).length > readFileSync(a).length ? b : a));
  const profile = JSON.parse(readFileSync(biggest, 'utf8')) as CpuProfile;
  const groups = timeByGroup(profile, root);
  const total = groups.reduce((n, g) => n + g.ms, 0);
  const line = (g: { name: string; ms: number }) => `  ${(g.ms / 1000).toFixed(1).padStart(6)} s ${((g.ms / total) * 100).toFixed(1).padStart(5)}%  ${g.name}`;
  log(`\nprofile of the build (${(total / 1000).toFixed(1)} s sampled; self time):`);
  groups.slice(0, 20).forEach((g) => log(line(g)));
  log('top functions (self time):');
  timeByFunction(profile, root).slice(0, 25).forEach((g) => log(line(g)));
  log('inside (total time, including what they call; async work after an await is not counted):');
  for (const [name, ms] of Object.entries(inclusiveTime(profile, PHASES))) log(line({ name, ms }));
}
