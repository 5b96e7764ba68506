/** --add-units: names that match nothing become new rows of units.csv and leaders.csv, with short unique ids. */
import { quote, warningAt, type DataIssue } from '../data/problems';
import { foldOcr } from './fuzzy';
import type { PlanJson, TaskRow } from './output';
import type { AddedRef } from './report';

const HEADS: [string, string, string][] = [
  ['uy ban nhan dan', 'ubnd', 'UBND'],
  ['ubnd', 'ubnd', 'UBND'],
  ['bo chi huy quan su', 'bchqs', 'BCHQS'],
  ['trung tam', 'tt', 'TT'],
  ['van phong', 'vp', 'VP'],
  ['cong an', 'ca', 'Công an'],
  ['chi cuc', 'chi-cuc', 'Chi cục'],
  ['kho bac', 'kb', 'KB'],
];
const DROP = new Set(['va', 'cac', 'cua', 'voi']);
const MAX_ID = 24;
const SHORT_NAME = 20;

/** An id made from a name: folded, the usual abbreviations, initials when long; unique among `taken`. */
export function makeRefId(name: string, taken: ReadonlySet<string>): string {
  const words = foldOcr(name)
    .split(' ')
    .filter((w) => w && !DROP.has(w));
  if (words.length > 1 && words[words.length - 1] === 'tinh') words.pop();
  const joined = words.join(' ');
  const head = HEADS.find(([h]) => joined === h || joined.startsWith(`${h} `));
  const rest = head ? words.slice(head[0].split(' ').length) : words.slice(1);
  const first = head ? head[1] : (words[0] ?? 'don-vi');
  const full = [first, ...rest].join('-');
  const base =
    (full.length <= MAX_ID ? full : [first, rest.map((w) => w[0]).join('')].filter(Boolean).join('-')) || 'don-vi';
  let id = base.slice(0, 64).replace(/-+$/, '');
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A short name for tables: the name itself when short, else its first word and the initials of the rest ("Sở NNMT"). */
export function makeShortName(name: string): string {
  if (name.length <= SHORT_NAME) return name;
  const words = name.split(/\s+/).filter((w) => !DROP.has(foldOcr(w)) && foldOcr(w) !== '');
  const folded = foldOcr(name);
  const head = HEADS.find(([h]) => folded.startsWith(`${h} `));
  const headWords = head ? head[0].split(' ').length : 1;
  const rest = words
    .slice(headWords)
    .filter((w) => foldOcr(w) !== 'tinh')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('');
  return `${head ? head[2] : words[0]} ${rest}`.trim();
}

/** What --add-units changes: the rows and plan with new ids, the rows to append to each table, and what was added. */
export interface AddedRefs {
  tasks: TaskRow[];
  plan: PlanJson;
  units: { id: string; name: string; short_name: string }[];
  leaders: { id: string; title: string }[];
  added: AddedRef[];
  issues: DataIssue[];
}

/** Gives every "?name" an id, adds it to the units or leaders, and fills an unread due with "ongoing" (reported). */
export function addUnmatched(
  plan: PlanJson,
  tasks: readonly TaskRow[],
  taken: { units: ReadonlySet<string>; leaders: ReadonlySet<string> },
  files: { units: string; leaders: string; input: string },
): AddedRefs {
  const out: AddedRefs = { tasks: [], plan, units: [], leaders: [], added: [], issues: [] };
  const ids = new Set([...taken.units, ...taken.leaders]);
  const unitIds = new Map<string, string>();
  const leaderIds = new Map<string, string>();
  const idOf = (name: string, leader: boolean): string => {
    const known = (leader ? leaderIds : unitIds).get(foldOcr(name));
    if (known) return known;
    const id = makeRefId(name, ids);
    ids.add(id);
    (leader ? leaderIds : unitIds).set(foldOcr(name), id);
    if (leader) out.leaders.push({ id, title: name });
    else out.units.push({ id, name, short_name: makeShortName(name) });
    out.added.push({
      file: leader ? files.leaders : files.units,
      id,
      name,
      shortName: leader ? undefined : makeShortName(name),
    });
    return id;
  };
  const cell = (value: string, leader: boolean) =>
    value
      .split(';')
      .map((part) => (part.startsWith('?') ? idOf(part.slice(1), leader) : part))
      .filter((v, i, all) => all.indexOf(v) === i)
      .join(';');
  for (const t of tasks) {
    const row = {
      ...t,
      directed_by: cell(t.directed_by, true),
      lead_units: cell(t.lead_units, false),
      support_units: cell(t.support_units, false),
    };
    if (!row.due) {
      row.due = 'ongoing';
      out.issues.push(
        warningAt(
          { file: files.input },
          'due-assumed',
          `${t.id}: no deadline read${t.timeline ? ` from ${quote(t.timeline)}` : ''}; due set to "ongoing" (--add-units): check it`,
          'due',
        ),
      );
    }
    out.tasks.push(row);
  }
  const duties = plan.duties?.map((d) => ({
    ...d,
    unit: d.unit.startsWith('?') ? idOf(d.unit.slice(1), false) : d.unit,
  }));
  out.plan = duties ? { ...plan, duties } : plan;
  return out;
}
