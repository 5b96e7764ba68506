/** Deadline lists for the dashboard: overdue tasks, and unfinished tasks with a milestone coming up. */
import { addDays, daysBetween, type IsoDate } from '../dates';
import type { Milestone } from '../data/due';
import type { TaskState } from './evaluate';
import { compareIds } from '../text';

/** An unfinished task with a milestone due soon. */
export interface DueSoon {
  state: TaskState;
  /** The first milestone on or after the as-of date. */
  milestone: Milestone;
  /** Whether that milestone is the task's final deadline. */
  isFinal: boolean;
  /** Days from the as-of date to the milestone (0 = due on the as-of date). */
  daysLeft: number;
}

/** Whether the latest report says the task is done (on time or late). */
export function isDone(state: TaskState): boolean {
  return state.status === 'done_on_time' || state.status === 'done_late';
}

/** Overdue tasks, longest overdue first (earliest final deadline), then by plan and task id. */
export function findOverdue(tasks: readonly TaskState[]): TaskState[] {
  return tasks
    .filter((t) => t.status === 'overdue')
    .sort((a, b) => compareDates(a.task.due.final, b.task.due.final) || compareTasks(a, b));
}

/** Unfinished tasks whose next milestone falls within `days` days after asOf (asOf itself included), soonest first. */
export function findDueSoon(tasks: readonly TaskState[], asOf: IsoDate, days: number): DueSoon[] {
  const until = addDays(asOf, days);
  const out: DueSoon[] = [];
  for (const state of tasks) {
    if (isDone(state) || state.status === 'overdue') continue;
    const milestones = state.task.due.milestones;
    const index = milestones.findIndex((m) => m.date >= asOf);
    const milestone = milestones[index];
    if (!milestone || milestone.date > until) continue;
    out.push({
      state,
      milestone,
      isFinal: index === milestones.length - 1,
      daysLeft: daysBetween(asOf, milestone.date),
    });
  }
  return out.sort((a, b) => compareDates(a.milestone.date, b.milestone.date) || compareTasks(a.state, b.state));
}

function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTasks(a: TaskState, b: TaskState): number {
  return a.task.planId.localeCompare(b.task.planId) || compareIds(a.task.id, b.task.id);
}

/** How many days ahead "due soon" looks from the as-of date: the dashboard's list and the task index's filter. */
export const DUE_SOON_DAYS = 30;
