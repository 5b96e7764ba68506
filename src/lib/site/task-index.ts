/** The task index's view model: one row per task with what the filters and the search read, and the filter choices. */
import { addDays, type IsoDate } from '../dates';
import { DUE_SOON_DAYS } from '../status/deadlines';
import type { PlanState, TaskState } from '../status/evaluate';
import type { Leader, Unit } from '../data/model';
import { sectionAndDescendants } from '../status/sections';
import { DERIVED_STATUSES, STATUS_LABELS, type DerivedStatus } from '../status/status';
import type { FilterKey } from './task-query';
import { compareIds, compareVi, foldVietnamese } from '../text';

/** One task row of the index. */
export interface TaskIndexRow {
  state: TaskState;
  planTitle: string;
  /** `plan/section` keys of the task's section and the sections above it. */
  sections: string[];
  /** Due tags: `overdue`, `soon` and the final deadline's quarter (`2024-Q4`). */
  dueTags: string[];
  /** Everything the search box looks at, folded once here so the browser folds only the query. */
  search: string;
}

/** A choice in a filter. */
export interface FilterOption {
  value: string;
  label: string;
}

/** Choices under an optional group heading (an `<optgroup>`). */
export interface OptionGroup {
  label?: string | undefined;
  options: FilterOption[];
}

/** The index: rows in the page's own order and the choices of every filter. */
export interface TaskIndex {
  rows: TaskIndexRow[];
  options: Record<FilterKey, OptionGroup[]>;
}

/** The key a section filter uses: plan and section, since two plans may both have a section II. */
function sectionKey(planId: string, sectionId: string): string {
  return `${planId}/${sectionId}`;
}

/** A date's quarter as written in due expressions, e.g. `2024-Q4`. */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** A quarter key in Vietnamese, e.g. `Quý IV/2024`. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `Quý ${['I', 'II', 'III', 'IV'][Number(q) - 1] ?? q}/${year}`;
}

/** The due tags of a task: its deadline's quarter, and, while not done, `overdue` (deadline passed) or `soon` (within DUE_SOON_DAYS). */
export function dueTags(due: IsoDate, status: DerivedStatus, asOf: IsoDate): string[] {
  const tags = [quarterOf(due)];
  if (status === 'done_on_time' || status === 'done_late') return tags;
  if (due < asOf) tags.unshift('overdue');
  else if (due <= addDays(asOf, DUE_SOON_DAYS)) tags.unshift('soon');
  return tags;
}

/** Builds the index of the given (current) plans' tasks. */
export function buildTaskIndex(
  plans: readonly PlanState[],
  units: ReadonlyMap<string, Unit>,
  leaders: ReadonlyMap<string, Leader>,
  asOf: IsoDate,
): TaskIndex {
  const rows: TaskIndexRow[] = [];
  for (const p of plans) {
    const trail = sectionTrails(p);
    for (const state of p.tasks) {
      const { task } = state;
      rows.push({
        state,
        planTitle: p.plan.title,
        sections: (trail.get(task.section) ?? [task.section]).map((s) => sectionKey(p.plan.id, s)),
        dueTags: dueTags(task.due.final, state.status, asOf),
        search: searchText(state, units),
      });
    }
  }
  return { rows, options: filterOptions(plans, rows, units, leaders) };
}

/**
 * The folded search text of a task: id, title, content, report notes and unit names (not every unit's when all support),
 * each word once. A search word never holds a space, so it is found in the text exactly when it is found in one word.
 */
function searchText(state: TaskState, units: ReadonlyMap<string, Unit>): string {
  const { task } = state;
  const unitIds = task.supportAll ? task.leadUnits : [...task.leadUnits, ...task.supportUnits];
  const names = unitIds.flatMap((id) => [units.get(id)?.name ?? id, units.get(id)?.shortName ?? '']);
  return searchWords([task.id, task.title, task.content, ...state.reports.map((r) => r.note), ...names]).join(' ');
}

/** What foldVietnamese treats as space: a folded text's words are its pieces between these. */
const WORD_BREAKS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/;
/** Folded words by their original spelling: Vietnamese text repeats a few thousand syllables, so each is folded once. */
const foldedWords = new Map<string, string>();

/**
 * The distinct words of foldVietnamese(texts.join(' ')), in order of first appearance, without folding the whole text:
 * each word is folded on its own (folding never makes or removes a space inside a word) and remembered.
 */
export function searchWords(texts: readonly string[]): string[] {
  if (foldedWords.size > 200_000) foldedWords.clear();
  const words = new Set<string>();
  for (const text of texts) {
    for (const raw of text.split(WORD_BREAKS)) {
      if (raw === '') continue;
      let folded = foldedWords.get(raw);
      if (folded === undefined) {
        folded = foldVietnamese(raw);
        foldedWords.set(raw, folded);
      }
      if (folded !== '') words.add(folded);
    }
  }
  return [...words];
}

/** The search file /tasks/search-index.json: `[plan, task id, search text]` per row, in the page's order. */
export function searchIndexJson(rows: readonly TaskIndexRow[]): string {
  return JSON.stringify(rows.map((r) => [r.state.task.planId, r.state.task.id, r.search]));
}

// For each section id, the ids of it and the sections above it.
function sectionTrails(p: PlanState): Map<string, string[]> {
  const trails = new Map<string, string[]>();
  for (const s of p.plan.sections) {
    for (const below of sectionAndDescendants(p.plan.sections, s.id)) {
      const list = trails.get(below) ?? [];
      list.push(s.id);
      trails.set(below, list);
    }
  }
  for (const list of trails.values()) list.sort(compareIds);
  return trails;
}

function filterOptions(
  plans: readonly PlanState[],
  rows: readonly TaskIndexRow[],
  units: ReadonlyMap<string, Unit>,
  leaders: ReadonlyMap<string, Leader>,
): Record<FilterKey, OptionGroup[]> {
  const used = (ids: (r: TaskIndexRow) => readonly string[]) => new Set(rows.flatMap(ids));
  const byLabel = (options: FilterOption[]) => options.sort((a, b) => compareVi(a.label, b.label));
  const unitOptions = (ids: Set<string>) => [
    { options: byLabel([...ids].map((id) => ({ value: id, label: units.get(id)?.name ?? id }))) },
  ];
  const withSections = used((r) => r.sections);
  const quarters = [...used((r) => r.dueTags.slice(-1))].sort();
  return {
    plan: [{ options: plans.map((p) => ({ value: p.plan.id, label: p.plan.title })) }],
    section: plans.map((p) => ({
      label: plans.length > 1 ? p.plan.title : undefined,
      options: [...p.plan.sections]
        .sort((a, b) => compareIds(a.id, b.id))
        .filter((s) => withSections.has(sectionKey(p.plan.id, s.id)))
        .map((s) => ({ value: sectionKey(p.plan.id, s.id), label: `${s.id}. ${s.title}` })),
    })),
    status: [{ options: DERIVED_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) }],
    unit: unitOptions(used((r) => r.state.task.leadUnits)),
    support: unitOptions(used((r) => r.state.task.supportUnits)),
    leader: [
      {
        options: byLabel(
          [...used((r) => r.state.task.directedBy)].map((id) => ({ value: id, label: leaders.get(id)?.title ?? id })),
        ),
      },
    ],
    due: [
      {
        options: [
          { value: 'overdue', label: 'Đã quá hạn, chưa hoàn thành' },
          { value: 'soon', label: `Đến hạn trong ${DUE_SOON_DAYS} ngày tới` },
        ],
      },
      { label: 'Hạn cuối trong quý', options: quarters.map((q) => ({ value: q, label: quarterLabel(q) })) },
    ],
  };
}
