/** `npm run snapshot -- <year> [--force] [--data DIR] [--archive DIR]`: freezes a year's plans into archive/<year>/. */
import { parseArgs } from 'node:util';
import { runCommand } from '../src/node/cli';
import { snapshotYear } from '../src/node/archive/freeze-year';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false }, data: { type: 'string' }, archive: { type: 'string' } },
});
const year = Number(positionals[0]);
if (positionals.length !== 1 || !/^\d{4}$/.test(positionals[0] ?? '')) {
  console.error(
    'Usage: npm run snapshot -- <year> [--force] [--data DIR] [--archive DIR]   (for example: npm run snapshot -- 2024)',
  );
  process.exit(2);
}
await runCommand('Snapshot', () => {
  const result = snapshotYear({ year, force: values.force, dataDir: values.data, archiveDir: values.archive });
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
});
