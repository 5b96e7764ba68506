/** Loading plan.json: the plan's head, its sections and its units' duties, and what the tasks are checked against. */
import type { TableRow } from './csv';
import type { LoadContext } from './load-context';
import type { Duty, Plan, Section } from './model';
import type { PlanRefs } from './load-plan';
import { errorAt, hasErrors, quote } from './problems';
import { caseClash, type FoldedIds } from './portable-names';
import { DutySchema, PlanSchema, SectionSchema } from './schema';

/** plan.json as read: everything of a plan but its id, tasks and reports. */
export type PlanHead = Omit<Plan, 'id' | 'tasks' | 'reports'>;

/** What the tasks are checked against: the plan's year and sections, each undefined when plan.json does not give it. */
export interface KnownHead {
  year: number | undefined;
  /** The last year of a plan over several years. */
  endYear: number | undefined;
  sections: Set<string> | undefined;
}

/** plan.json when it is valid; and, valid or not, the year and sections it gives, for checking the tasks. */
export function loadPlanJson(
  ctx: LoadContext,
  file: string,
  refs: PlanRefs,
): { plan: PlanHead | undefined; known: KnownHead } {
  const before = ctx.issues.length;
  const raw = ctx.readJsonFilePartly(file, PlanSchema, '{"year", "title", "sections": [...]}');
  const p = raw?.value ?? {};
  const sections = p.sections ? loadSections(ctx, file, p.sections) : undefined;
  const duties = p.duties ? loadDuties(ctx, file, p.duties, refs) : undefined;
  const known = { year: p.year, endYear: p.end_year, sections: sections && new Set(sections.map((s) => s.id)) };
  if (!raw || raw.failed.size > 0 || hasErrors(ctx.issues.slice(before))) return { plan: undefined, known };
  const plan: PlanHead = {
    year: p.year!,
    endYear: p.end_year,
    title: p.title!,
    number: p.number,
    issuedOn: p.issued_on,
    basis: p.basis,
    summary: p.summary,
    sections: sections!,
    duties: duties ?? [],
  };
  return { plan, known };
}

function loadSections(ctx: LoadContext, file: string, raw: unknown[]): Section[] {
  const sections: Section[] = [];
  const seen = new Map<string, string>();
  const folded: FoldedIds = new Map();
  raw.forEach((item, i) => {
    const row: TableRow = { cells: (item ?? {}) as Record<string, unknown>, jsonPath: `sections[${i}]` };
    const s = ctx.parseRow(SectionSchema, row, file);
    if (!s) return;
    if (seen.has(s.id)) {
      ctx.issues.push(
        errorAt(
          { file, jsonPath: `sections[${i}].id` },
          'duplicate-id',
          `id ${quote(s.id)} is used twice (first at ${seen.get(s.id)})`,
          'id',
        ),
      );
      return;
    }
    seen.set(s.id, `sections[${i}]`);
    const clash = caseClash(s.id, folded, `sections[${i}]`);
    if (clash) {
      ctx.issues.push(errorAt({ file, jsonPath: `sections[${i}].id` }, 'case-clash', clash, 'id'));
      return;
    }
    sections.push({ id: s.id, title: s.title, parent: s.parent, summary: s.summary });
  });
  sections.forEach((s) => {
    if (s.parent !== undefined && !seen.has(s.parent)) {
      ctx.issues.push(
        errorAt(
          { file, jsonPath: `${seen.get(s.id)}.parent` },
          'unknown-section',
          `parent ${quote(s.parent)} is not a section of this plan`,
          'parent',
        ),
      );
    }
  });
  return sections;
}

function loadDuties(ctx: LoadContext, file: string, raw: unknown[], refs: PlanRefs): Duty[] {
  const duties: Duty[] = [];
  raw.forEach((item, i) => {
    const row: TableRow = { cells: (item ?? {}) as Record<string, unknown>, jsonPath: `duties[${i}]` };
    const d = ctx.parseRow(DutySchema, row, file);
    if (!d) return;
    if (!refs.unreadable.has('units') && !refs.units.has(d.unit)) {
      ctx.issues.push(
        errorAt(
          { file, jsonPath: `duties[${i}].unit` },
          'unknown-unit',
          `unit ${quote(d.unit)} is not a unit id in units`,
          'unit',
        ),
      );
      return;
    }
    duties.push({ unit: d.unit, text: d.text });
  });
  return duties;
}
