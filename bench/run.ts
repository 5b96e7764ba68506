/** `npm run bench [-- --quick] [--archived N] [--profile] [--keep] [--seed N] [--project DIR]`: the build, loading, /tasks/ and JavaScript at province scale; `npm run bench -- --serve [--seconds N]`: the served site under load while it is published and rolled back. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from './node/bench';
import { runServeLoad } from './node/serve-load';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    archived: { type: 'string', default: '0' },
    seed: { type: 'string', default: '7' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    project: { type: 'string' },
    serve: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '4' },
  },
});
const archived = Number(values.archived);
if (!Number.isInteger(archived) || archived < 0 || archived > 10) {
  console.error(`--archived ${values.archived}: expected a whole number of years from 0 to 10`);
  process.exit(2);
}
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (values.serve) {
  const [seconds, clients] = [Number(values.seconds), Number(values.clients)];
  if (
    !Number.isInteger(seconds) ||
    seconds < 10 ||
    seconds > 600 ||
    !Number.isInteger(clients) ||
    clients < 1 ||
    clients > 32
  ) {
    console.error(
      `--seconds ${values.seconds} --clients ${values.clients}: expected 10 to 600 seconds and 1 to 32 clients`,
    );
    process.exit(2);
  }
  const passed = await runServeLoad({ repo, seconds, clients, keep: values.keep!, log: (line) => console.log(line) });
  process.exit(passed ? 0 : 1);
}
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
