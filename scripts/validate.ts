/** `npm run validate [-- --data DIR]`: checks the data (and archive/ against its manifests) and prints every problem, one a line. */
import { parseArgs } from 'node:util';
import { formatIssue, hasErrors, sortIssues } from '../src/lib/data/problems';
import { dataDirFromEnv, loadSiteFromDisk } from '../src/node/data/load-site';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const { dataset, archives, issues } = loadSiteFromDisk(values.data ?? dataDirFromEnv());
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
for (const a of archives)
  console.log(
    `Archived ${a.year}: ${a.dataset.plans.length} plan(s), as of ${a.asOf}, matches ${a.dir}/manifest.json.`,
  );
