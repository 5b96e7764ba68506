/** The field labels of a task ("Chỉ đạo thực hiện: …"), recognised even when OCR damaged them. */
import { allowedEdits, editDistance, foldOcr } from './fuzzy';

/** Which tasks.csv column a labelled line fills; `content` labels all go into the content. */
export type FieldKind = 'content' | 'directed_by' | 'lead_units' | 'support_units' | 'timeline';

/** The fields that say who does a task and when (not its content). */
export const ASSIGNMENT_FIELDS = ['directed_by', 'lead_units', 'support_units', 'timeline'] as const;

/** The label each field is usually written with, for messages. */
export const FIELD_LABELS: Record<FieldKind, string> = {
  content: 'Nội dung',
  directed_by: 'Chỉ đạo thực hiện',
  lead_units: 'Đơn vị tham mưu thực hiện / Đơn vị chủ trì',
  support_units: 'Phối hợp thực hiện',
  timeline: 'Thời gian thực hiện',
};

const LABEL_TEXTS: [string, FieldKind][] = [
  ['Nội dung', 'content'],
  ['Biện pháp khắc phục', 'content'],
  ['Biện pháp thực hiện', 'content'],
  ['Giải pháp thực hiện', 'content'],
  ['Biện pháp', 'content'],
  ['Giải pháp', 'content'],
  ['Chỉ đạo thực hiện', 'directed_by'],
  ['Lãnh đạo chỉ đạo', 'directed_by'],
  ['Lãnh đạo phụ trách', 'directed_by'],
  ['Đơn vị tham mưu thực hiện', 'lead_units'],
  ['Đơn vị tham mưu', 'lead_units'],
  ['Đơn vị chủ trì thực hiện', 'lead_units'],
  ['Đơn vị chủ trì', 'lead_units'],
  ['Cơ quan chủ trì', 'lead_units'],
  ['Phối hợp thực hiện', 'support_units'],
  ['Đơn vị phối hợp thực hiện', 'support_units'],
  ['Đơn vị phối hợp', 'support_units'],
  ['Cơ quan phối hợp', 'support_units'],
  ['Thời gian thực hiện', 'timeline'],
  ['Thời gian hoàn thành', 'timeline'],
  ['Thời hạn hoàn thành', 'timeline'],
  ['Thời hạn', 'timeline'],
  ['Thời gian', 'timeline'],
  ['Thời hạn thực hiện', 'timeline'],
  ['Tiến độ thực hiện', 'timeline'],
  ['Tiến độ hoàn thành', 'timeline'],
  ['Cơ quan chủ trì thực hiện', 'lead_units'],
  ['Cơ quan chủ trì tham mưu', 'lead_units'],
  ['Cơ quan thực hiện', 'lead_units'],
  ['Đơn vị thực hiện', 'lead_units'],
  ['Cơ quan phối hợp thực hiện', 'support_units'],
  ['Lãnh đạo chỉ đạo thực hiện', 'directed_by'],
  ['Sản phẩm', 'content'],
  ['Sản phẩm đầu ra', 'content'],
  ['Kết quả sản phẩm', 'content'],
];

interface LabelDef {
  label: string;
  field: FieldKind;
  folded: string;
  words: number;
}

// Longest first, so "Đơn vị tham mưu thực hiện" wins over "Đơn vị tham mưu" when read without a colon.
const LABELS: LabelDef[] = LABEL_TEXTS.map(([label, field]) => {
  const folded = foldOcr(label);
  return { label, field, folded, words: folded.split(' ').length };
}).sort((a, b) => b.words - a.words);

/** Share of a label's letters OCR may have damaged: "Pon vi tham muwu thwc hién" is 2 edits from 25 letters. */
const LABEL_EDIT_SHARE = 0.25;

/** A field label found at the start of a line, with the text after it. */
export interface LabelMatch {
  field: FieldKind;
  /** The label in correct Vietnamese, e.g. "Biện pháp khắc phục". */
  label: string;
  value: string;
}

/** Bullets that start a labelled line or a list item. */
export const BULLET = /^[-–—+•*·]\s*/;

/**
 * Recognises a field label at the start of a line ("- Chỉ đạo thực hiện: …", "- Chi dao thuc hién: …");
 * without a colon, only on a bulleted line or where `bare` allows it (an item's first line: "a) Nội dung …").
 */
export function matchLabel(line: string, bare = false): LabelMatch | undefined {
  const bulleted = BULLET.test(line);
  const text = line.replace(BULLET, '');
  const colon = text.indexOf(':');
  // A wrapped line ("nội dung: …" in mid-sentence) starts in lower case; a label starts a line in upper case.
  if (colon > 0 && colon <= 50 && (bulleted || bare || /^\p{Lu}/u.test(text))) {
    const def = closestLabel(foldOcr(text.slice(0, colon)));
    if (def) return { field: def.field, label: def.label, value: text.slice(colon + 1).trim() };
  }
  return bulleted || bare ? matchLabelPrefix(text) : undefined;
}

/** The label nearest to a folded text, if it is near enough. */
function closestLabel(folded: string): LabelDef | undefined {
  let best: LabelDef | undefined;
  let bestDistance = Infinity;
  for (const def of LABELS) {
    const distance = labelDistance(folded, def);
    if (distance < bestDistance) {
      best = def;
      bestDistance = distance;
    }
  }
  return best;
}

/** Recognises a label written without its colon: the first words of the line, longest label first, then nearest. */
function matchLabelPrefix(text: string): LabelMatch | undefined {
  const words = text.split(/\s+/);
  let best: { def: LabelDef; distance: number } | undefined;
  for (const def of LABELS) {
    if (words.length <= def.words || (best && best.def.words > def.words)) continue;
    const distance = labelDistance(foldOcr(words.slice(0, def.words).join(' ')), def);
    if (distance < (best?.distance ?? Infinity)) best = { def, distance };
  }
  if (!best) return undefined;
  // "Đơn vị tham mưu (chủ trì): …": a word or two between the label and its colon belong to the label.
  const rest = words.slice(best.def.words).join(' ');
  const marked = /^(?:[^\s:]+(?:\s+[^\s:]+)?\s*)?:\s*|^[.\-–]\s*/.exec(rest);
  // Without a colon, only OCR text that lost it ("No1 dung Thuong xuyén") counts: the value starts a new sentence.
  // "- Chỉ đạo thực hiện tốt công tác …" is a sentence, not a label.
  if (!marked && !/^\p{Lu}/u.test(rest)) return undefined;
  return { field: best.def.field, label: best.def.label, value: marked ? rest.slice(marked[0].length) : rest };
}

/**
 * Splits a line holding several labels ("Đơn vị chủ trì: P.QLCN; Đơn vị phối hợp: P.QLNL, P.QLTM") before each
 * label that follows a ";", "." or "," and is itself followed by a colon; a line with one label comes back whole.
 */
export function splitLabels(line: string): string[] {
  const cuts: number[] = [];
  for (const m of line.matchAll(/[;.,]\s+(?=[^;.,:]{3,40}:)/g)) {
    const start = m.index + m[0].length;
    const colon = line.indexOf(':', start);
    if (closestLabel(foldOcr(line.slice(start, colon)))) cuts.push(start);
  }
  if (cuts.length === 0) return [line];
  const parts = [0, ...cuts].map((from, i) => line.slice(from, cuts[i] ?? line.length));
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/[\s;.,]+$/, '') : p)).filter((p) => p !== '');
}

/**
 * Edits between a folded text and a label, word by word: at most one in the first word or a short one ("Pon vi"),
 * two in a longer one ("thyce"), a quarter of the label in all; Infinity when further. Word by word, so "Triển khai
 * thực hiện" is not "Biện pháp thực hiện".
 */
function labelDistance(folded: string, def: LabelDef): number {
  const words = folded.split(' ');
  const labelWords = def.folded.split(' ');
  if (words.length !== labelWords.length) return Infinity;
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const d = editDistance(words[i]!, labelWords[i]!);
    if (d > (i > 0 && labelWords[i]!.length >= 4 ? 2 : 1)) return Infinity;
    total += d;
  }
  return total <= allowedEdits(def.folded, LABEL_EDIT_SHARE) ? total : Infinity;
}
