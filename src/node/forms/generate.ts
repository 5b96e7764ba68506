/** `npm run forms`: writes forms/<period>/<unit-id>.xlsx for each unit that leads unfinished tasks. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IsoDate } from '../../lib/dates';
import { buildUnitForms } from '../../lib/forms/build';
import { parsePeriod, periodId, type Period } from '../../lib/forms/period';
import { writeFormWorkbook } from '../../lib/forms/write';
import type { Dataset } from '../../lib/data/model';
import { sha256Hex } from '../hash';
import { writeFileWhole } from '../write-whole';

/** What was written: each unit's form file and its number of tasks. */
export interface WrittenForm {
  unit: string;
  name: string;
  file: string;
  tasks: number;
}

/** Writes the period's forms into `<formsDir>/<YYYY-MM>/` (each file whole or not at all). */
export async function writeForms(
  dataset: Dataset,
  period: Period,
  returnBy: IsoDate,
  formsDir: string,
  cwd = process.cwd(),
): Promise<WrittenForm[]> {
  const forms = buildUnitForms(dataset.plans, dataset.units, period, returnBy, sha256Hex);
  const dir = join(formsDir, periodId(period));
  mkdirSync(dir, { recursive: true });
  const written: WrittenForm[] = [];
  for (const form of forms) {
    const file = join(dir, `${form.unit.id}.xlsx`);
    const temp = join(dir, `.${form.unit.id}.xlsx.${process.pid}.tmp`);
    writeFileWhole(file, await writeFormWorkbook(form, dataset.site.organization), temp);
    written.push({ unit: form.unit.id, name: form.unit.name, file: relative(cwd, file), tasks: form.rows.length });
  }
  return written;
}

/** The period of the latest round: the newest `<formsDir>/YYYY-MM/` folder, if any. */
export function latestFormsPeriod(formsDir: string): Period | undefined {
  let names: string[];
  try {
    names = readdirSync(formsDir);
  } catch {
    return undefined;
  }
  const periods = names.map(parsePeriod).filter((p) => p !== undefined);
  return periods.sort((a, b) => b.year - a.year || b.month - a.month)[0];
}
