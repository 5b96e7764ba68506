/** Vietnamese sentences for synthetic plans, tasks and reports, composed from the administrative vocabulary. */
import { formatDateVi, type IsoDate } from '../../src/lib/dates';
import type { Random } from './random';
import { ACTIONS, CLOSINGS, DONE_NOTES, OBJECTS, PROGRESS_NOTES, QUALIFIERS, WAITING_NOTES } from './vocabulary';

/** What a task or report sentence may mention. */
export interface PhraseContext {
  /** The topic of the task, e.g. "chuyển đổi số". */
  topic: string;
  /** A unit name to cooperate with. */
  unit: string;
  /** A document code, e.g. "KH-SNV". */
  code: string;
  year: number;
}

/** Replaces each {key} of a template with its value. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
// After "Chủ trì, phối hợp với …" an action that starts with "Chủ trì" again would read twice.
const FOLLOW_ACTIONS = ACTIONS.filter((a) => !a.startsWith('Chủ trì'));

/** A task title such as "Tham mưu ban hành kế hoạch chuyển đổi số năm 2024". */
export function taskTitle(rng: Random, ctx: PhraseContext): string {
  const tail = rng.weighted([
    [` năm ${ctx.year}`, 2],
    [` ${rng.pick(QUALIFIERS)}`, 2],
    ['', 3],
  ] as const);
  return `${rng.pick(ACTIONS)} ${rng.pick(OBJECTS)} ${ctx.topic}${tail}`;
}

function sentence(rng: Random, ctx: PhraseContext): string {
  const start = rng.chance(0.4)
    ? `Chủ trì, phối hợp với ${ctx.unit} và các cơ quan liên quan ${lower(rng.pick(FOLLOW_ACTIONS))}`
    : rng.pick(ACTIONS);
  return `${start} ${rng.pick(OBJECTS)} về ${ctx.topic} ${rng.pick(QUALIFIERS)}; ${rng.pick(CLOSINGS)}`;
}

/** A task's content in Markdown: one to three paragraphs, sometimes a bold lead-in and a list. */
export function taskContent(rng: Random, ctx: PhraseContext): string {
  const paragraphs = Array.from({ length: rng.int(1, 3) }, () => sentence(rng, ctx));
  if (rng.chance(0.25)) {
    const items = Array.from(
      { length: rng.int(2, 4) },
      () => `- ${rng.pick(ACTIONS)} ${rng.pick(OBJECTS)} về ${ctx.topic};`,
    );
    paragraphs.push(`**Nội dung chủ yếu:**\n\n${items.join('\n')}`);
  }
  return paragraphs.join('\n\n');
}

/** Values a report note template can use. */
function noteValues(
  rng: Random,
  ctx: PhraseContext,
  date: IsoDate,
  percent: number | undefined,
): Record<string, string | number> {
  return {
    unit: ctx.unit,
    topic: ctx.topic,
    object: rng.pick(OBJECTS),
    n: rng.int(12, 2900),
    k: rng.int(2, 15),
    date: formatDateVi(date),
    code: ctx.code,
    p: percent ?? rng.int(10, 90),
  };
}

/** A progress report's note; mostly one plain sentence, sometimes a Markdown list, sometimes empty. */
export function reportNote(
  rng: Random,
  ctx: PhraseContext,
  kind: 'waiting' | 'progress' | 'done',
  date: IsoDate,
  percent?: number,
): string {
  if (rng.chance(0.05)) return '';
  const templates = kind === 'waiting' ? WAITING_NOTES : kind === 'done' ? DONE_NOTES : PROGRESS_NOTES;
  const first = fill(rng.pick(templates), noteValues(rng, ctx, date, percent));
  if (kind !== 'progress' || !rng.chance(0.12)) return first;
  const more = fill(rng.pick(PROGRESS_NOTES), noteValues(rng, ctx, date, percent));
  return `Kết quả trong kỳ:\n\n- ${first}\n- ${more}`;
}

/** A plan's legal basis in Markdown. */
export function planBasis(rng: Random, ctx: PhraseContext): string {
  return [
    `Căn cứ Nghị quyết số ${rng.int(10, 150)}/NQ-CP ngày ${rng.int(1, 28)}/${rng.int(1, 12)}/${ctx.year - 1} của Chính phủ về ${ctx.topic};`,
    `Căn cứ Quyết định số ${rng.int(1, 99)}/QĐ-UBND ngày ${rng.int(2, 28)}/01/${ctx.year} của UBND tỉnh ban hành Chương trình công tác năm ${ctx.year};`,
  ].join('\n\n');
}

/** Section I of a plan: purposes and requirements, with headings and lists. */
export function purposeText(rng: Random, ctx: PhraseContext): string {
  return [
    '### 1. Mục đích',
    `- ${sentence(rng, ctx)}\n- ${sentence(rng, ctx)}`,
    '### 2. Yêu cầu',
    `- Xác định rõ nội dung công việc, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị về ${ctx.topic}.\n- ${sentence(rng, ctx)}`,
  ].join('\n\n');
}

/** Section III of a plan: who does what to carry it out, as a numbered list. */
export function organisationText(ctx: PhraseContext): string {
  return [
    `1. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ Kế hoạch này xây dựng kế hoạch về ${ctx.topic} của cơ quan, đơn vị mình.`,
    `2. Định kỳ hằng tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 20 gửi ${ctx.unit} để tổng hợp.`,
    '3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh để xem xét, giải quyết.',
  ].join('\n');
}
