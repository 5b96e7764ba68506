/** `npm run forms -- --period YYYY-MM [--return-by DD/MM/YYYY] [--data DIR] [--out DIR]`: writes each unit's monthly form. */
import { parseArgs } from 'node:util';
import { formatDateVi, parseDate } from '../src/lib/dates';
import { defaultReturnBy, parsePeriod, periodLabel } from '../src/lib/forms/period';
import { formatIssue, hasErrors, sortIssues } from '../src/lib/data/problems';
import { writeForms } from '../src/node/forms/generate';
import { dataDirFromEnv, loadSiteFromDisk } from '../src/node/data/load-site';

const USAGE =
  'Usage: npm run forms -- --period YYYY-MM [--return-by DD/MM/YYYY] [--data DIR] [--out DIR]   (for example: npm run forms -- --period 2024-12)';
const { values } = parseArgs({
  options: {
    period: { type: 'string' },
    'return-by': { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string', default: 'forms' },
  },
});
const period = parsePeriod(values.period ?? '');
const returnBy = values['return-by'] === undefined ? period && defaultReturnBy(period) : parseDate(values['return-by']);
if (!period || !returnBy) {
  console.error(USAGE);
  process.exit(2);
}
const dataDir = values.data ?? dataDirFromEnv();
const { dataset, issues } = loadSiteFromDisk(dataDir);
if (!dataset || hasErrors(issues)) {
  for (const issue of sortIssues(issues)) console.error(formatIssue(issue));
  console.error('\nThe data has errors: fix them (npm run validate) before making forms.');
  process.exit(1);
}
const written = await writeForms(dataset, period, returnBy, values.out);
console.log(`Forms of ${periodLabel(period)}, due back by ${formatDateVi(returnBy)}: ${written.length} unit(s).`);
for (const form of written) console.log(`  ${form.file}  ${form.name}: ${form.tasks} task(s)`);
if (written.length === 0) console.log('No unit leads an unfinished task: no form to send.');
