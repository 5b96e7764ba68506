/** `npm run validate [-- --data DIR]`: checks the data and prints every problem, one a line. */
import { parseArgs } from 'node:util';
import { formatIssue, hasErrors, sortIssues } from '../src/lib/problems';
import { dataDirFromEnv, loadDataFromDisk } from '../src/node/load-data';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const { dataset, issues } = loadDataFromDisk(values.data ?? dataDirFromEnv());
for (const issue of sortIssues(issues)) console.error(formatIssue(issue));
if (hasErrors(issues) || !dataset) {
  const errors = issues.filter((i) => i.level === 'error').length;
  console.error(`\n${errors} error(s): the data was not accepted. Fix them and run npm run validate again.`);
  process.exit(1);
}
const tasks = dataset.plans.reduce((n, p) => n + p.tasks.length, 0);
const reports = dataset.plans.reduce((n, p) => n + p.reports.length, 0);
console.log(
  `Data OK: ${dataset.plans.length} plan(s), ${tasks} task(s), ${reports} progress report(s), ${dataset.units.length} unit(s), ${dataset.leaders.length} leader(s); as of ${dataset.site.asOf}.`,
);
