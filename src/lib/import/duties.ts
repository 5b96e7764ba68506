/** Per-unit duties into plan.json's duties: the unit's id (or "?name" when it matches no unit) and the text. */
import { errorAt, quote, type DataIssue } from '../data/problems';
import type { DutyDraft } from './drafts';
import { resolveUnits } from './names';
import type { DutyJson } from './output';
import type { ResolveContext } from './rows';

/** Resolves each duty's unit; a group ("Các sở, ban, ngành") names no one unit, so its text stays in its section only. */
export function resolveDuties(duties: readonly DutyDraft[], ctx: ResolveContext, issues: DataIssue[]): DutyJson[] {
  const out: DutyJson[] = [];
  for (const d of duties) {
    if (!d.text) continue;
    const names = resolveUnits(d.name, ctx.refs);
    if (names.allUnits) continue;
    for (const id of names.ids) out.push({ unit: id, text: d.text });
    for (const name of names.unmatched) {
      out.push({ unit: `?${name}`, text: d.text });
      issues.push(
        errorAt(
          { file: ctx.file, line: d.line },
          'unmatched-unit',
          `duties: ${quote(name)} matches no unit in ${ctx.unitsFile}; written as ${quote(`?${name}`)}`,
          'unit',
        ),
      );
    }
  }
  return out;
}
