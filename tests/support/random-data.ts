/** fast-check generators of valid data folders, and a writer that saves one in any style offices use. */
import fc from 'fast-check';
import { CLEAN_STYLE, writeTestCsv, type CsvStyle } from './csv-writer';
import { encodeText, type TestEncoding } from './encodings';
import { toForm, type UnicodeForm } from './rewrite-data';

type Row = Record<string, string | string[]>;

/** A valid data folder as rows of cells, before it is written to files. */
export interface RandomData {
  site: Record<string, string>;
  units: Row[];
  leaders: Row[];
  plan: { year: number; title: string; summary: string; sections: Row[] };
  tasks: Row[];
  progress: Row[];
}

/** How a RandomData is written: per-file choices are drawn from these. */
export interface WriteStyle {
  encoding: TestEncoding;
  csv: CsvStyle;
  form: UnicodeForm;
  /** Tables written as JSON arrays rather than CSV. */
  jsonTables: ('units' | 'leaders' | 'tasks' | 'progress')[];
}

/** UTF-8 CSV, comma, LF, NFC: the reference every other style must match. */
export const CLEAN_WRITE: WriteStyle = { encoding: 'utf-8', csv: CLEAN_STYLE, form: 'NFC', jsonTables: [] };

// Vietnamese letters, punctuation that needs quoting in CSV, and a character or two Windows-1258 cannot write.
const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠÂ'];
const CHARS = [
  ...LETTERS,
  ...'ABCXYZ0123456789',
  ' ',
  ' ',
  ',',
  ';',
  '"',
  '.',
  '-',
  '(',
  ')',
  '“',
  '”',
  '–',
  '%',
  '/',
  ':',
  '\t',
  '\u00a0',
  '→',
];

/** A one-line text value that is never empty once cleaned. */
const line = (max = 30) =>
  fc
    .tuple(fc.constantFrom(...LETTERS), fc.string({ unit: fc.constantFrom(...CHARS), maxLength: max }))
    .map(([a, b]) => a + b);

/** A Markdown value: several lines and paragraphs, list items now and then. */
const markdown = fc
  .array(fc.tuple(fc.constantFrom('', '- ', '1. ', '**'), line(40)), { minLength: 1, maxLength: 4 })
  .chain((parts) => fc.constantFrom('\n', '\n\n').map((sep) => parts.map(([lead, text]) => lead + text).join(sep)));

const slug = fc.stringMatching(/^[a-z0-9]{1,5}(-[a-z0-9]{1,4})?$/);
const numberingPart = fc.constantFrom('I', 'II', 'III', 'IV', '1', '2', '3', '10', 'a', 'b', 'c', 'đ', 'ă', 'ơ', 'Mục');
const numbering = fc.array(numberingPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const DUES = [
  '2024-Q1',
  '2024-Q2',
  '2024-Q4',
  'ongoing',
  'Ongoing',
  '2024-05',
  '2024-06-30',
  '30/9/2024',
  '2024-Q2;2024-Q4',
  '2024-05;ongoing',
];
const STATUSES = ['not_started', 'in_progress', 'done', 'Đang thực hiện', 'đã hoàn thành', 'CHUA THUC HIEN'];

const day = fc.integer({ min: 0, max: 333 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const vi = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;

/** Generates a valid data folder: units, leaders, a plan with sections, tasks and progress that all fit together. */
export const randomData: fc.Arbitrary<RandomData> = fc
  .record({
    unitIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }),
    leaderIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }),
    sectionIds: fc.uniqueArray(numbering, { minLength: 1, maxLength: 4 }),
    taskIds: fc.uniqueArray(numbering, { minLength: 0, maxLength: 6 }),
  })
  .chain(({ unitIds, leaderIds, sectionIds, taskIds }) =>
    fc.record({
      site: fc.record({ organization: line(), title: line(), as_of: fc.constant('2024-11-30') }),
      units: fc.tuple(
        ...unitIds.map((id) =>
          fc.record({ id: fc.constant(id), name: line(), short_name: fc.oneof(fc.constant(''), line(8)) }),
        ),
      ),
      leaders: fc.tuple(...leaderIds.map((id) => fc.record({ id: fc.constant(id), title: line() }))),
      plan: fc.record({
        year: fc.constant(2024),
        title: line(60),
        summary: markdown,
        sections: fc.tuple(
          ...sectionIds.map((id, i) =>
            fc.record({
              id: fc.constant(id),
              title: line(),
              parent: i === 0 ? fc.constant('') : fc.constantFrom('', ...sectionIds.slice(0, i)),
              summary: fc.oneof(fc.constant(''), markdown),
            }),
          ),
        ),
      }),
      tasks: fc.tuple(
        ...taskIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            section: fc.constantFrom(...sectionIds),
            title: line(50),
            content: markdown,
            directed_by: fc.subarray(leaderIds),
            lead_units: fc.subarray(unitIds, { minLength: 1 }),
            support_units: fc.oneof(fc.constant<string[]>(['*']), fc.subarray(unitIds)),
            timeline: line(),
            due: fc.constantFrom(...DUES),
          }),
        ),
      ),
      progress: taskIds.length === 0 ? fc.constant([]) : fc.array(progressRow(taskIds, unitIds), { maxLength: 8 }),
    }),
  );

function progressRow(taskIds: string[], unitIds: string[]): fc.Arbitrary<Row> {
  return fc
    .record({
      task: fc.constantFrom(...taskIds),
      asOf: day,
      status: fc.constantFrom(...STATUSES),
      percent: fc.integer({ min: 0, max: 99 }),
      back: fc.integer({ min: 0, max: 30 }),
      viDates: fc.boolean(),
      note: fc.oneof(fc.constant(''), markdown),
      by: fc.constantFrom('', ...unitIds),
    })
    .map(({ task, asOf, status, percent, back, viDates, note, by }) => {
      const done = /done|hoàn thành/i.test(status);
      const completed = new Date(asOf.getTime() - back * 86_400_000);
      const date = viDates ? vi : iso;
      return {
        task_id: task,
        as_of: date(asOf),
        status,
        percent: done ? (percent % 2 ? '100' : '') : String(percent),
        completed_on: done && back % 3 ? date(completed) : '',
        note,
        reported_by: by,
      };
    });
}

/** Draws a way of writing files: any encoding, separator, line end, quoting, padding, Unicode form, CSV or JSON. */
export const randomStyle: fc.Arbitrary<WriteStyle> = fc.record({
  encoding: fc.constantFrom<TestEncoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258'),
  csv: fc.record({
    separator: fc.constantFrom<CsvStyle['separator']>(',', ';', '\t'),
    lineEnd: fc.constantFrom<CsvStyle['lineEnd']>('\n', '\r\n'),
    cellLineEnd: fc.constantFrom<CsvStyle['cellLineEnd']>('\n', '\r\n'),
    quoteAll: fc.boolean(),
    trailingEmpty: fc.integer({ min: 0, max: 3 }),
    trailingBlank: fc.integer({ min: 0, max: 3 }),
    headerCase: fc.constantFrom<CsvStyle['headerCase']>('lower', 'upper', 'title'),
    padValues: fc.boolean(),
  }),
  form: fc.constantFrom<UnicodeForm>('NFC', 'NFD', 'mixed'),
  jsonTables: fc.subarray(['units', 'leaders', 'tasks', 'progress'] as const),
});

const HEADERS = {
  units: ['id', 'name', 'short_name'],
  leaders: ['id', 'title'],
  tasks: ['id', 'section', 'title', 'content', 'directed_by', 'lead_units', 'support_units', 'timeline', 'due'],
  progress: ['task_id', 'as_of', 'status', 'percent', 'completed_on', 'note', 'reported_by'],
} as const;

/** Writes a data folder under `data/` in a style; a file Windows-1258 cannot hold is written as UTF-8 with a BOM. */
export function writeData(data: RandomData, style: WriteStyle): Map<string, Uint8Array> {
  const texts = new Map<string, string>();
  const pad = (v: string) => (style.csv.padValues && v !== '' ? ` \u00a0${v}\u00a0 ` : v);
  texts.set('data/site.json', JSON.stringify(mapValues(data.site, pad), null, 2));
  const plan = {
    ...data.plan,
    title: pad(data.plan.title),
    sections: data.plan.sections.map((s) => dropEmpty(mapValues(s, pad))),
  };
  texts.set('data/plans/p/plan.json', JSON.stringify(plan, null, 2));
  const tables = { units: data.units, leaders: data.leaders, tasks: data.tasks, progress: data.progress };
  const dirs = { units: 'data/', leaders: 'data/', tasks: 'data/plans/p/', progress: 'data/plans/p/' };
  for (const name of ['units', 'leaders', 'tasks', 'progress'] as const) {
    const header = HEADERS[name];
    const rows = tables[name];
    if (style.jsonTables.includes(name)) {
      texts.set(
        `${dirs[name]}${name}.json`,
        JSON.stringify(
          rows.map((r) => mapValues(r, pad)),
          null,
          1,
        ),
      );
    } else {
      const cells = rows.map((r) => header.map((h) => joinList(r[h] ?? '')));
      texts.set(`${dirs[name]}${name}.csv`, writeTestCsv(header, cells, style.csv));
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const [path, text] of texts) {
    const formed = toForm(text, style.form);
    files.set(path, encodeText(formed, style.encoding) ?? encodeText(formed, 'utf-8-bom')!);
  }
  return files;
}

const joinList = (v: string | string[]) => (Array.isArray(v) ? v.join(';') : v);

function mapValues<T extends Record<string, unknown>>(row: T, pad: (v: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? pad(v) : v]));
}

function dropEmpty(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
}
