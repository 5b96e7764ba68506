/** Milestones in words, as a Vietnamese reader expects them: "quý II/2024 (hạn 30/06/2024)". */
import { formatDateVi } from '../dates';
import type { Milestone } from '../data/due';

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** Describes one parsed milestone in Vietnamese, with the deadline date it stands for. */
export function describeMilestone(m: Milestone): string {
  const date = formatDateVi(m.date);
  const year = m.date.slice(0, 4);
  const month = Number(m.date.slice(5, 7));
  switch (m.kind) {
    case 'date':
      return `ngày ${date}`;
    case 'month':
      return `tháng ${month}/${year} (hạn ${date})`;
    case 'quarter':
      return `quý ${QUARTERS[Math.ceil(month / 3) - 1]}/${year} (hạn ${date})`;
    case 'ongoing':
      return `thường xuyên trong năm ${year} (hạn ${date})`;
  }
}
