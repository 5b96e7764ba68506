/** Zod schemas for each row of the data files: cells in, clean typed values out, with messages that name the value. */
import { z } from 'zod';
import { parseDate, type IsoDate } from '../dates';
import { describeMarkdownHazard, findMarkdownHazard, MARKDOWN_MAX_LENGTH } from './markdown-limits';
import { windowsReservedName } from './portable-names';
import { quote } from './problems';
import { REPORTED_STATUSES, type ReportedStatus } from './model';
import { cleanMultiline, cleanText, foldVietnamese } from '../text';

/** Plan, unit and leader ids: what may appear in a URL and a folder name. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Task and section ids: the plan's own numbering, e.g. II.1.a. */
export const NUMBERING = /^[\p{L}\p{N}]+(?:[.\-_][\p{L}\p{N}]+)*$/u;

/** Turns a JSON or CSV cell into text: numbers as written, arrays joined with ';', null as empty. */
function cellText(value: unknown, ctx: z.RefinementCtx): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  return nonStringText(value, ctx);
}

/** Like cellText for Markdown fields: line breaks are kept, since they separate paragraphs and list items. */
function markdownText(value: unknown, ctx: z.RefinementCtx): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanMultiline(value);
  return nonStringText(value, ctx);
}

/** A Markdown field of at most maxLength characters, refused when it would be costly to render (markdown-limits.ts). */
const markdown = (maxLength: number) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      const v = markdownText(value, ctx);
      const hazard = typeof v === 'string' ? findMarkdownHazard(v, maxLength) : undefined;
      if (hazard) ctx.addIssue({ code: 'custom', message: describeMarkdownHazard(hazard) });
      return v;
    });

function nonStringText(value: unknown, ctx: z.RefinementCtx): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'number') return tooLarge(ctx, 'write it as text');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map((v) => cleanText(String(v))).join(';');
  }
  ctx.addIssue({ code: 'custom', message: `${quote(value)} is not text` });
  return z.NEVER;
}

const text = z.unknown().optional().transform(cellText);

const requiredText = (what: string) =>
  text.pipe(z.string().refine((v) => v !== '', { message: `is empty; ${what} is required` }));

/** Ids name pages and folders: longer ones would break file-name limits long before any real plan needs them. */
export const MAX_ID_LENGTH = 64;

/** Why an id would make an unsafe web address or file name, or undefined when it is merely not in the expected form. */
function unsafeIdReason(v: string): string | undefined {
  const control = /[\p{Cc}\p{Cf}]/u.exec(v);
  if (control)
    return `it contains the invisible character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (v.includes('..')) return '".." would point outside the site\'s folders';
  if (/[/\\]/.test(v)) return `"${/[/\\]/.exec(v)![0]}" would split the page's web address and file name`;
  if (v.length > MAX_ID_LENGTH) return `it is ${v.length} characters long (at most ${MAX_ID_LENGTH})`;
  const reserved = windowsReservedName(v);
  if (reserved)
    return `Windows reserves the name "${reserved}" for a device, so the page's folder could not be copied to a Windows server`;
  return undefined;
}

const id = (pattern: RegExp, expected: string) =>
  text.transform((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: `is empty; an id is required` });
    else if (!pattern.test(v) || v.length > MAX_ID_LENGTH || windowsReservedName(v)) {
      const reason = unsafeIdReason(v);
      ctx.addIssue({
        code: 'custom',
        message: `${quote(v)} is not a valid id${reason ? `: ${reason}` : ''} (expected ${expected})`,
      });
    }
    return v;
  });

/** A plan, unit or leader id. */
const slugId = id(SLUG, 'lowercase letters, digits and "-", like "phong-hcqt"');
/** A task or section id. */
const numberingId = id(NUMBERING, 'the plan\'s numbering: letters and digits joined by ".", like "II.1.a"');

/** A ';'-separated list of ids (a JSON array is accepted too). */
const idList = text.transform((v) =>
  v
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== ''),
);

const optionalDate = text.transform((v, ctx): IsoDate | undefined => {
  if (v === '') return undefined;
  const date = parseDate(v);
  if (!date)
    ctx.addIssue({
      code: 'custom',
      message: `${quote(v)} is not a valid date (expected YYYY-MM-DD or DD/MM/YYYY, a day that exists)`,
    });
  return date ?? undefined;
});

const requiredDate = optionalDate.refine((v) => v !== undefined, {
  message: 'is empty; a date is required (YYYY-MM-DD or DD/MM/YYYY)',
});

const STATUS_WORDS = new Map<string, ReportedStatus>([
  ['not_started', 'not_started'],
  ['in_progress', 'in_progress'],
  ['done', 'done'],
  ['chua thuc hien', 'not_started'],
  ['dang thuc hien', 'in_progress'],
  ['da hoan thanh', 'done'],
  ['hoan thanh', 'done'],
  // The labels as the site shows them: the usual Vietnamese spelling needs no folding either.
  ['Chưa thực hiện', 'not_started'],
  ['Đang thực hiện', 'in_progress'],
  ['Đã hoàn thành', 'done'],
  ['Hoàn thành', 'done'],
]);

/** Reads a reported status: the English code or the Vietnamese label, whatever its case or diacritics. */
export function parseReportedStatus(value: string): ReportedStatus | undefined {
  // Most rows give the code exactly as documented; folding is only needed for the other spellings.
  return STATUS_WORDS.get(value) ?? STATUS_WORDS.get(foldVietnamese(value).replace(/\s+/g, ' '));
}

const status = text.transform((v, ctx): ReportedStatus => {
  const parsed = parseReportedStatus(v);
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(v)} is not one of ${REPORTED_STATUSES.join(', ')} (or Chưa thực hiện, Đang thực hiện, Đã hoàn thành)`,
    });
    return z.NEVER;
  }
  return parsed;
});

/** A percent cell: the whole number, undefined when empty, null when it is not a whole number from 0 to 100. */
export function parsePercent(v: string): number | undefined | null {
  if (v === '') return undefined;
  // One to three digits, as nearly every cell is: their value, if 100 or less.
  if (v.length <= 3 && isDigits(v)) {
    const whole = Number(v);
    return whole <= 100 ? whole : null;
  }
  const n = Number(v.replace(/%$/, '').trim());
  return /^\d+(\.0+)?%?$/.test(v) && Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

function isDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// JSON reads a number beyond ±1.8e308 (like 1e400) as infinity, which has no digits to show.
function tooLarge(ctx: z.RefinementCtx, what: string): never {
  ctx.addIssue({ code: 'custom', message: `is a number too large to read (beyond ±1.8e308, such as 1e400); ${what}` });
  return z.NEVER;
}

const percentText = z
  .unknown()
  .optional()
  .transform((v, ctx) =>
    typeof v === 'number' && !Number.isFinite(v)
      ? tooLarge(ctx, 'expected a whole number from 0 to 100')
      : cellText(v, ctx),
  );

const percent = percentText.transform((v, ctx): number | undefined => {
  const n = parsePercent(v);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: `${quote(v)} is not a whole number from 0 to 100` });
    return z.NEVER;
  }
  return n;
});

/** site.json. */
export const SiteSchema = z.object({
  /** Tên cơ quan — the office's name. */
  organization: requiredText('the office name'),
  /** Tiêu đề trang — the site's title. */
  title: requiredText('the site title'),
  /** Ngày chốt số liệu — the date the plans are judged at; the build date when absent. */
  as_of: optionalDate,
  /** Số ngày không báo cáo thì bị nhắc — days without a report before a unit is listed as late. */
  stale_report_days: z
    .union([z.number(), z.string()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 45;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 366) {
        ctx.addIssue({ code: 'custom', message: `${quote(v)} is not a whole number of days from 1 to 366` });
        return z.NEVER;
      }
      return n;
    }),
});

/** units.csv: one row per unit (phòng, ban, đơn vị). */
export const UnitSchema = z.object({
  /** Mã đơn vị. */
  id: slugId,
  /** Tên đầy đủ. */
  name: requiredText('the unit name'),
  /** Tên viết tắt; the full name when empty. */
  short_name: text,
});

/** leaders.csv: one row per directing leader. */
export const LeaderSchema = z.object({
  /** Mã lãnh đạo. */
  id: slugId,
  /** Chức danh, e.g. Chánh Văn phòng. */
  title: requiredText('the leader title'),
});

/** One entry of plan.json's sections. */
export const SectionSchema = z.object({
  /** Số mục, e.g. II.1. */
  id: numberingId,
  /** Tên mục. */
  title: requiredText('the section title'),
  /** Mục cha, e.g. II for II.1. */
  parent: text.transform((v) => v || undefined),
  /** Nội dung mục (Markdown). */
  summary: markdown(MARKDOWN_MAX_LENGTH.summary).transform((v) => v || undefined),
});

/** The longest range of years one plan may span (a 2021–2030 plan is ten years after its first). */
export const MAX_PLAN_YEARS = 10;

const yearValue = text.transform((v, ctx) => {
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 1900 || n > 2999) {
    ctx.addIssue({ code: 'custom', message: `${quote(v)} is not a year (expected four digits, like 2024)` });
    return z.NEVER;
  }
  return n;
});

/** One entry of plan.json's duties: what the plan asks of one unit ("Tổ chức thực hiện: 1. Sở Công Thương: …"). */
export const DutySchema = z.object({
  /** Mã đơn vị. */
  unit: slugId,
  /** Trách nhiệm của đơn vị theo kế hoạch (Markdown). */
  text: markdown(MARKDOWN_MAX_LENGTH.duty).pipe(z.string().refine((v) => v !== '', { message: 'is empty; the duty text is required' })),
});

/** plan.json. */
export const PlanSchema = z
  .object({
    /** Năm kế hoạch; the first year of a plan over several years. */
    year: yearValue,
    /** Năm cuối của kế hoạch nhiều năm (2025–2030 → 2030); absent for a plan of one year. */
    end_year: z
      .unknown()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === null || v === '') return undefined;
        const n = typeof v === 'number' ? v : Number(typeof v === 'string' ? v.trim() : NaN);
        if (!Number.isInteger(n) || n < 1900 || n > 2999) {
          ctx.addIssue({ code: 'custom', message: `${quote(v)} is not a year (expected four digits, like 2030)` });
          return z.NEVER;
        }
        return n;
      }),
    /** Tên kế hoạch. */
    title: requiredText('the plan title'),
    /** Số hiệu văn bản, e.g. 45/KH-VP. */
    number: text.transform((v) => v || undefined),
    /** Ngày ban hành. */
    issued_on: optionalDate,
    /** Căn cứ (Markdown). */
    basis: markdown(MARKDOWN_MAX_LENGTH.basis).transform((v) => v || undefined),
    /** Tóm tắt (Markdown). */
    summary: markdown(MARKDOWN_MAX_LENGTH.summary).transform((v) => v || undefined),
    /** Các mục của kế hoạch. */
    sections: z.array(z.unknown()),
    /** Trách nhiệm của từng đơn vị theo kế hoạch (DutySchema), shown on each unit's page. */
    duties: z.array(z.unknown()).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.end_year === undefined) return;
    if (p.end_year < p.year || p.end_year > p.year + MAX_PLAN_YEARS)
      ctx.addIssue({
        code: 'custom',
        path: ['end_year'],
        message: `${p.end_year} is not from the plan's year ${p.year} to ${p.year + MAX_PLAN_YEARS}`,
      });
  });

/** tasks.csv: one row per task. */
export const TaskSchema = z.object({
  /** Số thứ tự nhiệm vụ, e.g. II.1.a. */
  id: numberingId,
  /** Mục chứa nhiệm vụ. */
  section: requiredText('the section id'),
  /** Tên ngắn của nhiệm vụ. */
  title: requiredText('the task title'),
  /** Nội dung, biện pháp (Markdown). */
  content: markdown(MARKDOWN_MAX_LENGTH.content),
  /** Lãnh đạo chỉ đạo, ';'-separated leader ids. */
  directed_by: idList,
  /** Đơn vị tham mưu, chủ trì, ';'-separated unit ids. */
  lead_units: idList,
  /** Đơn vị phối hợp, ';'-separated unit ids, or * for every unit. */
  support_units: idList,
  /** Thời gian thực hiện, as the plan words it. */
  timeline: text,
  /** Hạn: YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, YYYY-Qn, ongoing, or milestones joined by ';'. */
  due: requiredText('a due expression'),
});
/** A task row as read from the data. */
export type TaskInput = z.output<typeof TaskSchema>;

/** progress.csv: one row per progress report. */
export const ProgressSchema = z.object({
  /** Nhiệm vụ được báo cáo. */
  task_id: requiredText('the task id'),
  /** Ngày báo cáo. */
  as_of: requiredDate,
  /** Tình trạng: not_started, in_progress, done. */
  status,
  /** Tỷ lệ hoàn thành, 0–100. */
  percent,
  /** Ngày hoàn thành; as_of when the row says done and this is empty. */
  completed_on: optionalDate,
  /** Ghi chú (Markdown). */
  note: markdown(MARKDOWN_MAX_LENGTH.note),
  /** Đơn vị báo cáo. */
  reported_by: text.transform((v) => v || undefined),
});
/** A progress row as read from the data. */
export type ProgressInput = z.output<typeof ProgressSchema>;

/** unit-groups.csv: the phrases that name a group of units ("Các Sở, ban, ngành"), read by the importer as `*`. */
export const UnitGroupSchema = z.object({
  /** Cụm từ chỉ nhóm đơn vị. */
  phrase: requiredText('the phrase'),
  /** Ghi chú cho người sửa danh sách; not read. */
  note: text,
});

/** data/reports/<period>.md: the office's own words for a period's report, a Markdown text like every other. */
export const ReportTextSchema = z.object({
  /** Nội dung bổ sung của báo cáo kỳ (Markdown). */
  text: markdown(MARKDOWN_MAX_LENGTH.report),
});

/** Column names of each table: the required ones first, then the optional ones. */
export const COLUMNS = {
  units: { required: ['id', 'name'], optional: ['short_name'] },
  unitGroups: { required: ['phrase'], optional: ['note'] },
  leaders: { required: ['id', 'title'], optional: [] },
  tasks: {
    required: ['id', 'section', 'title', 'due'],
    optional: ['content', 'directed_by', 'lead_units', 'support_units', 'timeline'],
  },
  progress: { required: ['task_id', 'as_of', 'status'], optional: ['percent', 'completed_on', 'note', 'reported_by'] },
} as const;
