/** Small in-memory plans for aggregation tests: tasks, reports and units built from a few words each. */
import { parseDue } from '../../src/lib/data/due';
import { evaluatePlan, type PlanState } from '../../src/lib/status/evaluate';
import type { Plan, Report, ReportedStatus, Section, Task, Unit } from '../../src/lib/data/model';

/** A task of plan "p" (2024) due as `due` says, led by `lead`. */
export function task(id: string, due: string, lead: string[] = ['a'], more: Partial<Task> = {}): Task {
  const parsed = parseDue(due, 2024);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    planId: 'p',
    id,
    section: 'I',
    title: `Nhiệm vụ ${id}`,
    content: '',
    directedBy: [],
    leadUnits: lead,
    supportUnits: [],
    supportAll: false,
    timeline: '',
    dueExpr: due,
    due: parsed.due,
    ...more,
  };
}

/** A progress report on a task. */
export function report(taskId: string, asOf: string, status: ReportedStatus, more: Partial<Report> = {}): Report {
  return { planId: 'p', taskId, asOf, status, note: '', ...more };
}

/** A unit with a name and short name derived from its id. */
export function unit(id: string, name = `Phòng ${id.toUpperCase()}`): Unit {
  return { id, name, shortName: `P.${id.toUpperCase()}` };
}

/** Judges a plan made of these tasks and reports at asOf. */
export function judge(
  tasks: Task[],
  reports: Report[],
  asOf: string,
  sections: Section[] = [{ id: 'I', title: 'Mục I' }],
): PlanState {
  const plan: Plan = { id: 'p', year: 2024, title: 'Kế hoạch', sections, tasks, reports };
  return evaluatePlan(plan, asOf);
}
