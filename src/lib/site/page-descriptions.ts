/**
 * The `<meta name="description">` of each page type: one or two Vietnamese sentences saying what the page holds,
 * from its own figures (search tools and link previews on the intranet show it under the title).
 */
import { formatDateVi, type IsoDate } from '../dates';
import type { StatusCounts } from '../status/evaluate';
import { DERIVED_STATUSES, type DerivedStatus } from '../status/status';

/** The statuses as they read inside a sentence ("3 quá hạn"); the badges' labels are for standing alone. */
const IN_A_SENTENCE: Record<DerivedStatus, string> = {
  overdue: 'quá hạn',
  in_progress: 'đang thực hiện',
  not_started: 'chưa thực hiện',
  done_late: 'hoàn thành quá hạn',
  done_on_time: 'hoàn thành đúng hạn',
};

/** Longest piece of data text (a title) quoted in a description; longer ones end with "…" at a word boundary. */
const MAX_QUOTED = 120;

/** Text cut to at most `max` characters at a word boundary, with "…" when something was cut. */
export function clipText(text: string, max = MAX_QUOTED): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** "12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn" (statuses with no task left out). */
export function describeCounts(counts: StatusCounts): string {
  const total = DERIVED_STATUSES.reduce((n, s) => n + counts[s], 0);
  const parts = DERIVED_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${IN_A_SENTENCE[s]}`);
  return parts.length > 0 ? `${total} nhiệm vụ: ${parts.join(', ')}` : '0 nhiệm vụ';
}

/** The dashboard: the year's plans and how their tasks stand. */
export function describeHome(o: { organization: string; plans: number; counts: StatusCounts; asOf: IsoDate }): string {
  return `Tiến độ thực hiện ${o.plans} kế hoạch của ${o.organization}, ${describeCounts(o.counts)}; số liệu tính đến ngày ${formatDateVi(o.asOf)}.`;
}

/** A plan page. */
export function describePlan(o: { title: string; sections: number; counts: StatusCounts; asOf: IsoDate }): string {
  return `${clipText(o.title)}: ${o.sections} mục, ${describeCounts(o.counts)}; tình trạng tính đến ngày ${formatDateVi(o.asOf)}.`;
}

/** A section page. */
export function describeSection(o: { id: string; title: string; plan: string; counts: StatusCounts }): string {
  return `Mục ${o.id}. ${clipText(o.title)} (${clipText(o.plan, 80)}): ${describeCounts(o.counts)}.`;
}

/** A task page. */
export function describeTask(o: {
  id: string;
  title: string;
  status: DerivedStatus;
  leadUnits: readonly string[];
  due: IsoDate | undefined;
}): string {
  const units = o.leadUnits.length > 0 ? ` Đơn vị tham mưu: ${clipText(o.leadUnits.join(', '), 80)}.` : '';
  const due = o.due ? `, hạn cuối ${formatDateVi(o.due)}` : '';
  return `Nhiệm vụ ${o.id}. ${clipText(o.title)}.${units} Tình trạng: ${IN_A_SENTENCE[o.status]}${due}.`;
}

/** The task index. */
export function describeTaskIndex(o: { tasks: number; plans: number }): string {
  return `Danh sách ${o.tasks} nhiệm vụ của ${o.plans} kế hoạch: lọc theo kế hoạch, mục, tình trạng, đơn vị, lãnh đạo chỉ đạo và thời hạn, tìm kiếm có dấu hay không dấu, tải về tệp CSV.`;
}

/** The units list. */
export function describeUnits(o: { units: number; counts: StatusCounts }): string {
  return `${o.units} đơn vị tham mưu thực hiện kế hoạch, ${describeCounts(o.counts)}; số nhiệm vụ chủ trì, phối hợp, quá hạn và ngày báo cáo gần nhất của từng đơn vị.`;
}

/** A unit's page. */
export function describeUnit(o: {
  name: string;
  led: StatusCounts;
  supported: number;
  lastReport: IsoDate | undefined;
}): string {
  const last = o.lastReport ? `báo cáo gần nhất ngày ${formatDateVi(o.lastReport)}` : 'chưa có báo cáo tiến độ';
  return `${clipText(o.name, 80)} chủ trì ${describeCounts(o.led)}; phối hợp ${o.supported} nhiệm vụ; ${last}.`;
}

/** The leaders list. */
export function describeLeaders(o: { leaders: number }): string {
  return `${o.leaders} lãnh đạo chỉ đạo thực hiện kế hoạch, số nhiệm vụ và tình trạng các nhiệm vụ mỗi lãnh đạo chỉ đạo.`;
}

/** A leader's page. */
export function describeLeader(o: { title: string; counts: StatusCounts }): string {
  return `${clipText(o.title, 80)} chỉ đạo ${describeCounts(o.counts)}.`;
}

/** The updates page. */
export function describeUpdates(o: { releases: number }): string {
  return o.releases > 0
    ? `Những thay đổi qua ${o.releases} lần cập nhật số liệu gần nhất: nhiệm vụ đổi tình trạng và báo cáo tiến độ mới.`
    : 'Những thay đổi qua các lần cập nhật số liệu: nhiệm vụ đổi tình trạng và báo cáo tiến độ mới.';
}

/** The archive page. */
export function describeArchive(o: { years: readonly number[] }): string {
  return o.years.length > 0
    ? `Kế hoạch của các năm đã chốt số liệu (${o.years.join(', ')}), giữ nguyên tình trạng nhiệm vụ tại ngày chốt; tải dữ liệu từng kế hoạch.`
    : 'Kế hoạch của các năm đã chốt số liệu; chưa có năm nào được lưu trữ.';
}

/** The list of reporting periods. */
export function describeReports(o: { years: readonly number[]; periods: number }): string {
  const years = o.years.length > 0 ? ` năm ${o.years.join(', ')}` : '';
  return `Báo cáo định kỳ${years}: ${o.periods} kỳ (tháng, quý, 6 tháng, năm), mỗi kỳ có trang in được và bản Word để gửi cấp trên.`;
}

/** A reporting period's report. */
export function describeReport(o: { label: string; cutoff: IsoDate; counts: StatusCounts }): string {
  return `Báo cáo kết quả thực hiện kế hoạch ${o.label}, tại ngày ${formatDateVi(o.cutoff)}: ${describeCounts(o.counts)}; so với kỳ trước, nhiệm vụ hoàn thành, quá hạn và đơn vị chưa báo cáo.`;
}
