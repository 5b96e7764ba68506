/** The one colour of each derived status, shared by charts; src/styles/global.css mirrors it as --status-<status>. */
import type { DerivedStatus } from '../status/status';

/** Fixed colour per derived status (white text on each meets WCAG AA; a test checks global.css agrees). */
export const STATUS_COLORS: Record<DerivedStatus, string> = {
  overdue: '#c4161c',
  in_progress: '#0a5fc4',
  not_started: '#5c6570',
  done_late: '#8a5a00',
  done_on_time: '#1a7431',
};

/** The status drawn in a colour of STATUS_COLORS (so pages can colour by status with CSS), or undefined for another colour. */
export function statusOfColor(color: string | undefined): DerivedStatus | undefined {
  return (Object.keys(STATUS_COLORS) as DerivedStatus[]).find((s) => STATUS_COLORS[s] === color);
}
