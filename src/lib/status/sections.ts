/** The section tree of a plan: children, ancestors, and the tasks under a section. */
import type { PlanState, TaskState } from './evaluate';
import type { Section } from '../data/model';

/** Ids of a section and every section below it. */
export function sectionAndDescendants(sections: readonly Section[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of sections) {
      if (s.parent && ids.has(s.parent) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The tasks in a section or any section below it. */
export function sectionTasks(state: PlanState, sectionId: string): TaskState[] {
  const ids = sectionAndDescendants(state.plan.sections, sectionId);
  return state.tasks.filter((t) => ids.has(t.task.section));
}

/** The chain of sections from the top down to (and including) this one. */
export function sectionTrail(sections: readonly Section[], id: string): Section[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const trail: Section[] = [];
  let current = byId.get(id);
  while (current && !trail.includes(current)) {
    trail.unshift(current);
    current = current.parent ? byId.get(current.parent) : undefined;
  }
  return trail;
}
