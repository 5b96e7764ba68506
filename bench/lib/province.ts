/** A seeded synthetic province as data/ files: units, leaders, and a year of plans (optionally older years too). */
import { csvTable } from './csv-text';
import { generatePlan } from './plan-gen';
import { createRandom, mixSeed, type Random } from './random';
import { LEADERS, TOPICS, UNITS } from './vocabulary';

/** How big a province is. */
export interface ProvinceSize {
  plans: number;
  /** Tasks in all, over every plan of one year. */
  tasks: number;
  /** Monthly reports per task (1 to 12), ending in December. */
  reportsPerTask: number;
  units: number;
  leaders: number;
}

/** The province of issue #7: 40 plans, 10,000 tasks, 120,000 reports, 60 units, 20 leaders. */
export const FULL_SIZE: ProvinceSize = { plans: 40, tasks: 10_000, reportsPerTask: 12, units: 60, leaders: 20 };
/** A tenth of the full province, for a quick run. */
export const QUICK_SIZE: ProvinceSize = { plans: 4, tasks: 1_000, reportsPerTask: 12, units: 6, leaders: 2 };

/** Settings of one generated province. */
export interface ProvinceOptions extends ProvinceSize {
  /** Same seed, same files. */
  seed: number;
  /** The live year; the site is judged at 26 December of it. */
  year: number;
  /** Older years of the same size, year - 1 … year - n (default none). */
  archivedYears?: number;
}

/** Generated files by path inside the data folder, e.g. `plans/2024-01-cchc/tasks.csv`. */
export type DataFiles = Record<string, string>;

/** Generates the whole data folder. */
export function generateProvince(options: ProvinceOptions): DataFiles {
  checkSize(options);
  const units = UNITS.slice(0, options.units);
  const leaders = LEADERS.slice(0, options.leaders);
  const files: DataFiles = {
    'site.json': `${JSON.stringify({ organization: 'Ủy ban nhân dân tỉnh Quảng Ngãi', title: 'Theo dõi thực hiện kế hoạch, nhiệm vụ', as_of: `${options.year}-12-26` }, null, 2)}\n`,
    'units.csv': csvTable(
      ['id', 'name', 'short_name'],
      units.map((u) => [...u]),
    ),
    'leaders.csv': csvTable(
      ['id', 'title'],
      leaders.map((l) => [...l]),
    ),
  };
  for (let back = 0; back <= (options.archivedYears ?? 0); back++) {
    Object.assign(files, generateYear(options, options.year - back));
  }
  return files;
}

/** The plan folders of one year, under `plans/`. */
function generateYear(options: ProvinceOptions, year: number): DataFiles {
  const rng = createRandom(mixSeed(options.seed, year));
  const units = UNITS.slice(0, options.units);
  const leaderIds = LEADERS.slice(0, options.leaders).map((l) => l[0]);
  const sizes = splitCount(rng, options.tasks, options.plans);
  const files: DataFiles = {};
  sizes.forEach((taskCount, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const id = `${year}-${String(i + 1).padStart(2, '0')}-${topic[0]}`;
    const planRng = createRandom(mixSeed(options.seed, year, i + 1));
    const issuer = planRng.pick(units);
    const plan = generatePlan(planRng, {
      id,
      year,
      topic,
      issuer,
      taskCount,
      reportsPerTask: options.reportsPerTask,
      units,
      leaderIds,
    });
    files[`plans/${id}/plan.json`] = plan.plan;
    files[`plans/${id}/tasks.csv`] = plan.tasks;
    files[`plans/${id}/progress.csv`] = plan.progress;
  });
  return files;
}

/** Splits total into parts of uneven size (from about half to one and a half times the mean) that add up to total. */
export function splitCount(rng: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    if (rest < 0 && sizes[i]! <= 1) continue;
    sizes[i]! += Math.sign(rest);
    rest -= Math.sign(rest);
  }
  return sizes;
}

function checkSize(o: ProvinceOptions): void {
  const problems = [
    o.units < 1 || o.units > UNITS.length ? `units must be 1 to ${UNITS.length}` : '',
    o.leaders < 1 || o.leaders > LEADERS.length ? `leaders must be 1 to ${LEADERS.length}` : '',
    o.reportsPerTask < 1 || o.reportsPerTask > 12
      ? 'reportsPerTask must be 1 to 12 (monthly reports within the year)'
      : '',
    o.plans < 1 || o.tasks < o.plans ? 'need at least one plan and one task per plan' : '',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`synthetic province: ${problems.join('; ')}`);
}
