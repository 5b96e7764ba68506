/** `npm run collect -- <files…> [--period YYYY-MM] [--skip-bad] [--dry-run] [--data DIR]`: adds returned forms' reports to the progress files. */
import { parseArgs } from 'node:util';
import { parsePeriod } from '../src/lib/forms/period';
import { collectForms } from '../src/node/forms/collect';
import { latestFormsPeriod } from '../src/node/forms/generate';
import { dataDirFromEnv } from '../src/node/data/load-site';

const USAGE =
  'Usage: npm run collect -- <form files…> [--period YYYY-MM] [--skip-bad] [--dry-run] [--data DIR]   (for example: npm run collect -- returned/*.xlsx)';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    period: { type: 'string' },
    'skip-bad': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    data: { type: 'string' },
    forms: { type: 'string', default: 'forms' },
  },
});
const period = values.period === undefined ? latestFormsPeriod(values.forms) : parsePeriod(values.period);
if (positionals.length === 0 || !period) {
  console.error(USAGE);
  if (positionals.length > 0)
    console.error(
      values.period === undefined
        ? `No forms/<YYYY-MM>/ folder tells the period of this round: give it with --period.`
        : `--period ${values.period} is not a month like 2024-12.`,
    );
  process.exit(2);
}
const result = await collectForms({
  files: positionals,
  period,
  dataDir: values.data ?? dataDirFromEnv(),
  skipBad: values['skip-bad'],
  dryRun: values['dry-run'],
  log: (line) => console.log(line),
  warn: (line) => console.error(line),
});
process.exit(result.ok ? 0 : 1);
