/** `npm run bench [-- --quick] [--archived N] [--profile] [--keep] [--seed N] [--project DIR]`: the build, loading, /tasks/ and JavaScript at province scale. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from './node/bench';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    archived: { type: 'string', default: '0' },
    seed: { type: 'string', default: '7' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    project: { type: 'string' },
  },
});
const archived = Number(values.archived);
if (!Number.isInteger(archived) || archived < 0 || archived > 10) {
  console.error(`--archived ${values.archived}: expected a whole number of years from 0 to 10`);
  process.exit(2);
}
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await runBench({
  repo,
  project: values.project ? resolve(values.project) : repo,
  quick: values.quick!,
  seed: Number(values.seed),
  archived,
  profile: values.profile!,
  keep: values.keep!,
  log: (line) => console.log(line),
});
