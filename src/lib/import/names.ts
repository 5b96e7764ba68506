/** Matching the units and leaders a plan names to the ids in units.csv and leaders.csv, tolerating OCR damage. */
import { cleanText } from '../text';
import { allowedEdits, editDistance, foldAligned, foldOcr } from './fuzzy';

/** A unit or leader the plan may name: its id, the names it goes by, and their folded forms. */
export interface NamedRef {
  id: string;
  names: string[];
  keys: string[];
}

/** Everything a plan's names may refer to, in the order of units.csv and leaders.csv. */
export interface Refs {
  units: NamedRef[];
  leaders: NamedRef[];
  /** Phrases that name every unit ("Các Sở, ban, ngành"), from data/unit-groups.csv (makeGroupPatterns). */
  groups?: RegExp[] | undefined;
}

const GROUP_TAIL = String.raw`(?:\s*,?\s*(?:va\s+)?(?:co\s+)?lien\s+quan|\s+truc\s+thuoc|\s+thuoc\s+tinh|\s+tren\s+dia\s+ban(?:\s+tinh)?|\s+tinh)*`;

/** Patterns over foldAligned text for the group phrases of unit-groups.csv: any case, diacritics, commas or "và". */
export function makeGroupPatterns(phrases: readonly string[]): RegExp[] {
  return phrases
    .map((p) => foldOcr(p).split(' ').filter(Boolean))
    .filter((words) => words.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((words) => new RegExp(String.raw`\b${words.join(String.raw`[\s,;]*(?:va\s+)?`)}\b${GROUP_TAIL}`));
}

/** What the names in one cell came to. */
export interface CellNames {
  /** Matched ids in the order named; every unit id when the cell names all units. */
  ids: string[];
  /** Names that matched nothing, as written (cleaned). */
  unmatched: string[];
  /** True when the cell says "các phòng, ban, đơn vị": every unit. */
  allUnits: boolean;
  /** Names in a unit cell that are leaders, not units ("Các Phó Chánh Văn phòng"). */
  leaders: { name: string; id: string }[];
}

const ABBREVIATIONS: Record<string, string> = {
  tthc: 'thu tuc hanh chinh',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  dbqh: 'dai bieu quoc hoi',
  cntt: 'cong nghe thong tin',
  vp: 'van phong',
};

/** The folded forms a name is compared by: abbreviations spelt out, with and without "các …" and "… tỉnh". */
function nameKeys(name: string): string[] {
  const base = foldOcr(name)
    .split(' ')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
  const keys = new Set([base]);
  for (const k of [...keys]) keys.add(k.replace(/^cac /, ''));
  for (const k of [...keys]) keys.add(k.replace(/ (co )?lien quan$/, ''));
  for (const k of [...keys]) keys.add(k.replace(/ tinh$/, ''));
  return [...keys].filter((k) => k !== '');
}

/** Builds a reference from an id and the names it goes by (a unit's name and short name, a leader's title). */
export function makeRef(id: string, names: readonly string[]): NamedRef {
  const kept = names.map(cleanText).filter((n) => n !== '');
  return { id, names: kept, keys: [...new Set(kept.flatMap(nameKeys))] };
}

/** Edits between two folded names with the same words, at most two a word and a sixth of the name; Infinity otherwise. */
function nameDistance(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return Infinity;
  let total = 0;
  for (let i = 0; i < wa.length; i++) {
    const d = editDistance(wa[i]!, wb[i]!);
    if (d > Math.min(2, wb[i]!.length - 1)) return Infinity;
    total += d;
  }
  return total <= allowedEdits(b, 1 / 6) ? total : Infinity;
}

/** The id of the reference nearest to a name, if any is near enough. */
export function nearestRef(name: string, refs: readonly NamedRef[]): string | undefined {
  const keys = nameKeys(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const ref of refs) {
    for (const refKey of ref.keys) {
      for (const key of keys) {
        const d = nameDistance(key, refKey);
        if (d < bestDistance) [best, bestDistance] = [ref.id, d];
      }
    }
  }
  return best;
}

// "các phòng, ban, đơn vị (có liên quan)" and "các đơn vị trực thuộc", as OCR writes them ("Céc phong, ban don Vi").
const ALL_UNITS =
  /(?:\bc[a-z0-9]{0,2}c\s+)?\bph[a-z0-9]{0,2}ng\s*,?\s*ban\s*,?\s*(?:va\s+)?[a-z]{1,3}n\s*v[a-z]{0,2}\b|\bc[a-z0-9]{0,2}c\s+[dp][a-z0-9]{0,2}n\s+v[a-z]{0,2}\b/;
const ALL_UNITS_TAIL = /^(?:\s+tr[a-z]{1,2}c\s+th[a-z]{1,3}c)?(?:\s+(?:\S{1,3}\s+)?li[a-z]{1,2}n\s+qu[a-z]{1,2}n)?/;

/** Finds "các phòng, ban, đơn vị" or a phrase of unit-groups.csv in a cell: whether one is there, and the rest of the cell without them. */
function takeAllUnits(text: string, groups: readonly RegExp[] = []): { all: boolean; rest: string } {
  let rest = text;
  let all = false;
  for (const pattern of groups) {
    const m = pattern.exec(foldAligned(rest));
    if (!m) continue;
    rest = `${rest.slice(0, m.index)}, ${rest.slice(m.index + m[0].length)}`;
    all = true;
  }
  const folded = foldAligned(rest);
  const m = ALL_UNITS.exec(folded);
  if (!m) return { all, rest };
  const end = m.index + m[0].length + ALL_UNITS_TAIL.exec(folded.slice(m.index + m[0].length))![0].length;
  return { all: true, rest: `${rest.slice(0, m.index)}, ${rest.slice(end)}` };
}

// The words a unit's or leader's name starts with: a piece after "," or "và" that starts otherwise goes on the name
// before it ("Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch").
const NAME_HEADS = new RegExp(
  '^(?:' +
    [
      'so',
      'phong',
      'ban',
      'uy ban',
      'ubnd',
      'hdnd',
      'uy ban nhan dan',
      'hoi dong',
      'trung tam',
      'van phong',
      'cong an',
      'bo chi huy',
      'bo',
      'cuc',
      'chi cuc',
      'tong cuc',
      'vu',
      'vien',
      'truong',
      'benh vien',
      'kho bac',
      'ngan hang',
      'bao',
      'dai',
      'hoi',
      'lien doan',
      'lien minh',
      'mat tran',
      'tinh doan',
      'tinh uy',
      'thanh uy',
      'huyen uy',
      'dang uy',
      'dang bo',
      'thanh tra',
      'toa an',
      'hai quan',
      'bao hiem',
      'dien luc',
      'cong ty',
      'tong cong ty',
      'tap doan',
      'quy',
      'thuong truc',
      'chu tich',
      'pho chu tich',
      'giam doc',
      'pho giam doc',
      'chanh',
      'pho chanh',
      'thu truong',
      'lanh dao',
      'truong ban',
      'pho truong',
      'bi thu',
      'cac',
      'to',
      'nhom',
      'doan',
      'chi nhanh',
      'xa(?! hoi)',
      'phuong',
      'huyen',
      'thi xa',
      'thanh pho',
      'dac khu',
      'doanh nghiep',
      'hop tac xa',
      'thue',
      'thong ke',
      'bql',
      'tram',
      'cang',
      'hiep hoi',
      'hoc vien',
      'co so',
      'nha dau tu',
    ].join('|') +
    ')\\b',
);

/** Whether a piece goes on the name before it: it has words, and they start no name of their own. */
function continuesName(piece: string): boolean {
  return cleanName(piece) !== '' && !startsName(piece);
}

/** Whether a piece of a cell starts a name of its own: a unit or leader word, or an abbreviation ("P.QLCN", "TT PV-KSTTHC"). */
export function startsName(piece: string): boolean {
  const trimmed = cleanName(piece);
  return NAME_HEADS.test(foldOcr(trimmed)) || /^\p{Lu}{1,3}\.|^\p{Lu}{2,}\b/u.test(trimmed);
}

// "và" before an acronym joins one name ("Văn phòng Đoàn ĐBQH và HĐND tỉnh"), elsewhere it joins two.
// A comma with no space after it is inside a name ("Sở VH,TT&DL").
const SEPARATOR = /(\s*;\s*|\s*,(?:\s+|$)|\s+(?:[vV]à|[vV]a|[vV]ới)\s+(?!\p{Lu}{2,}(?:\s|$)))/u;
const NOT_A_NAME = new Set(['', 'cac', 'lien quan', 'co lien quan', 'truc thuoc', 'khac', 'neu co']);

/** Tidies a name for showing: trimmed of punctuation, bars and a trailing "(nếu có)". */
function cleanName(text: string): string {
  return cleanText(text)
    .replace(/\((?:nếu có|neu co)\)\s*$/i, '')
    .replace(/^[\s.,;:|\-–—]+|[\s.,;:|\-–—]+$/g, '');
}

/** Splits a cell into names, joining neighbours when together they name a reference ("Văn phòng Đoàn ĐBQH và HĐND tỉnh"). */
function splitNames(text: string, refs: readonly NamedRef[]): { name: string; id: string | undefined }[] {
  const pieces = text.split(SEPARATOR);
  const out: { name: string; id: string | undefined }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    let taken: { name: string; id: string | undefined } = { name: cleanName(pieces[i]!), id: undefined };
    let next = i;
    for (let end = Math.min(pieces.length - 1, i + 4); end >= i; end -= 2) {
      const name = cleanName(pieces.slice(i, end + 1).join(''));
      const id = nearestRef(name, refs);
      if (id) [taken, next] = [{ name, id }, end];
      if (id) break;
    }
    // A name that matched nothing runs on over the pieces that start no name of their own.
    while (!taken.id && next + 2 < pieces.length && continuesName(pieces[next + 2]!)) {
      taken = { name: cleanName(pieces.slice(i, next + 3).join('')), id: undefined };
      next += 2;
    }
    i = next;
    if (!NOT_A_NAME.has(foldOcr(taken.name))) out.push(taken);
  }
  return out;
}

/** Resolves a unit cell ("Đơn vị tham mưu thực hiện", "Phối hợp thực hiện") to unit ids. */
export function resolveUnits(text: string, refs: Refs): CellNames {
  const { all, rest } = takeAllUnits(text, refs.groups);
  const out: CellNames = { ids: all ? refs.units.map((u) => u.id) : [], unmatched: [], allUnits: all, leaders: [] };
  for (const { name, id } of splitNames(rest, refs.units)) {
    if (id) {
      if (!out.ids.includes(id)) out.ids.push(id);
      continue;
    }
    const leader = nearestRef(name, refs.leaders);
    if (leader) out.leaders.push({ name, id: leader });
    else out.unmatched.push(name);
  }
  return out;
}

/** Resolves a leader cell ("Chỉ đạo thực hiện") to leader ids. */
export function resolveLeaders(text: string, refs: Refs): CellNames {
  const out: CellNames = { ids: [], unmatched: [], allUnits: false, leaders: [] };
  for (const { name, id } of splitNames(text, refs.leaders)) {
    if (id && !out.ids.includes(id)) out.ids.push(id);
    else if (!id) out.unmatched.push(name);
  }
  return out;
}
