/** What a Markdown field may hold so that it renders in linear time: size caps and limits on the marks that are costly. */

// Why (docs/data-format.md, 2.7; bench/markdown.ts measures it): micromark's time grows with the square of these counts
// inside a paragraph (a closing mark walks back over what came before it, an opening one may read ahead to the end),
// and nesting costs stack and time. Within the limits the costliest 20,000 characters found render in 0.6 CPU seconds;
// ordinary text uses a small part of each limit.

/**
 * Longest text, in characters, of each Markdown field: a whole plan's text, a unit's duties in it, or the office's
 * words for a period report fit in 20,000; a monthly note needs far less.
 */
export const MARKDOWN_MAX_LENGTH = {
  content: 20_000,
  summary: 20_000,
  basis: 20_000,
  duty: 20_000,
  report: 20_000,
  note: 5_000,
} as const;
/** The longest cap: what renderMarkdown itself accepts. */
export const MARKDOWN_MAX_ANY = 20_000;
/** Most lines in one field (lines that continue a list item without its indentation cost the square of their number). */
export const MAX_LINES = 2_000;
/** Most `*`, `_` and `~` (emphasis and strikethrough marks) in one field. */
export const MAX_EMPHASIS_MARKS = 1_000;
/** Most `[` and `]` in one field. */
export const MAX_BRACKETS = 500;
/** Most `](` (inline links and images) in one field: each may read ahead to its paragraph's end for a title. */
export const MAX_LINKS = 100;
/** Most tag-like `<` (followed by a letter, `/`, `!` or `?`) in one field: each may read ahead; HTML is not shown anyway. */
export const MAX_TAGS = 50;
/** Most lists and block quotes one line may be nested in (markers plus indentation, see nestingOfLine). */
const MAX_NESTING = 10;
/** Most nesting summed over the lines: closing a nested list rewrites the events of all the text before it. */
export const MAX_NESTING_TOTAL = 2_000;
/** A `[` must be closed within this many characters, or its paragraph must end. */
const MAX_OPEN_BRACKET = 1_000;

// A line break or a mark that scanMarks or firstLongOpenBracket looks at.
const MARKED = /[\n*_~[\]<]/;

/** Why a Markdown text is refused; `line` is 1-based within the text. */
export type MarkdownHazard =
  | { kind: 'too-long'; length: number; limit: number }
  | { kind: 'lines'; count: number; limit: number }
  | { kind: 'emphasis'; count: number; limit: number }
  | { kind: 'brackets'; count: number; limit: number }
  | { kind: 'links'; count: number; limit: number }
  | { kind: 'tags'; count: number; limit: number }
  | { kind: 'nesting'; line: number; depth: number; limit: number }
  | { kind: 'nesting-total'; total: number; limit: number }
  | { kind: 'open-bracket'; line: number; limit: number };

/** The first reason the text would be costly to render, or undefined when it renders in linear time; itself linear. */
export function findMarkdownHazard(text: string, maxLength: number): MarkdownHazard | undefined {
  if (text.length > maxLength) return { kind: 'too-long', length: text.length, limit: maxLength };
  // Most notes are one line of plain words: only how that line starts could matter (loading checks 130,000 fields).
  if (!MARKED.test(text) && nestingOfLine(text, 0) <= MAX_NESTING) return undefined;
  const marks = scanMarks(text);
  if (marks.lines > MAX_LINES) return { kind: 'lines', count: marks.lines, limit: MAX_LINES };
  if (marks.emphasis > MAX_EMPHASIS_MARKS)
    return { kind: 'emphasis', count: marks.emphasis, limit: MAX_EMPHASIS_MARKS };
  if (marks.brackets > MAX_BRACKETS) return { kind: 'brackets', count: marks.brackets, limit: MAX_BRACKETS };
  if (marks.links > MAX_LINKS) return { kind: 'links', count: marks.links, limit: MAX_LINKS };
  if (marks.tags > MAX_TAGS) return { kind: 'tags', count: marks.tags, limit: MAX_TAGS };
  if (marks.deepest.depth > MAX_NESTING) return { kind: 'nesting', ...marks.deepest, limit: MAX_NESTING };
  if (marks.nesting > MAX_NESTING_TOTAL)
    return { kind: 'nesting-total', total: marks.nesting, limit: MAX_NESTING_TOTAL };
  if (marks.brackets > 0) {
    const line = firstLongOpenBracket(text);
    if (line !== undefined) return { kind: 'open-bracket', line, limit: MAX_OPEN_BRACKET };
  }
  return undefined;
}

/** True when findMarkdownHazard finds nothing. */
export function isSafeMarkdown(text: string, maxLength: number): boolean {
  return findMarkdownHazard(text, maxLength) === undefined;
}

/** The refusal in words, Vietnamese first: what is wrong, the limit, and what to change. */
export function describeMarkdownHazard(h: MarkdownHazard): string {
  switch (h.kind) {
    case 'too-long':
      return `dài ${vi(h.length)} ký tự, tối đa ${vi(h.limit)}: hãy rút gọn (is ${en(h.length)} characters long; at most ${en(h.limit)})`;
    case 'lines':
      return `có ${vi(h.count)} dòng, tối đa ${vi(h.limit)}: nối các dòng ngắn lại hoặc hãy rút gọn (has ${en(h.count)} lines; at most ${en(h.limit)})`;
    case 'emphasis':
      return `có ${vi(h.count)} dấu * _ ~, tối đa ${vi(h.limit)}: bớt chữ đậm, nghiêng, gạch ngang, hoặc viết \\* \\_ \\~ để hiện đúng dấu đó (has ${en(h.count)} emphasis marks; at most ${en(h.limit)})`;
    case 'brackets':
      return `có ${vi(h.count)} dấu [ ], tối đa ${vi(h.limit)}: bớt liên kết, hoặc viết \\[ \\] để hiện đúng dấu đó (has ${en(h.count)} square brackets; at most ${en(h.limit)})`;
    case 'links':
      return `có ${vi(h.count)} liên kết [ ](, tối đa ${vi(h.limit)}: bớt liên kết (has ${en(h.count)} links; at most ${en(h.limit)})`;
    case 'tags':
      return `có ${vi(h.count)} chỗ viết < liền chữ như thẻ HTML, tối đa ${vi(h.limit)}; thẻ HTML không hiện trên trang: bỏ chúng, hoặc viết \\< (has ${en(h.count)} HTML-like tags; at most ${en(h.limit)})`;
    case 'nesting':
      return `lồng ${h.depth} cấp danh sách, trích dẫn ở dòng ${h.line} của văn bản, tối đa ${h.limit}: bớt dấu - * + > hoặc số thứ tự và khoảng trắng ở đầu dòng (nests ${h.depth} lists or quotes on line ${h.line} of the text; at most ${h.limit})`;
    case 'nesting-total':
      return `có quá nhiều mục danh sách, trích dẫn lồng nhau: số cấp lồng ở đầu các dòng cộng lại là ${vi(h.total)}, tối đa ${vi(h.limit)}: bớt mục hoặc bớt cấp lồng (the lines' nesting adds up to ${en(h.total)}; at most ${en(h.limit)})`;
    case 'open-bracket':
      return `có dấu [ ở dòng ${h.line} của văn bản không được đóng bằng ] trong ${vi(h.limit)} ký tự: thêm dấu ], hoặc viết \\[ để hiện đúng dấu [ (an unclosed "[" on line ${h.line} of the text)`;
  }
}

/** 20000 as Vietnamese writes it: 20.000. */
function vi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, '.');
}

function en(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** What scanMarks counts. */
interface Marks {
  lines: number;
  emphasis: number;
  brackets: number;
  links: number;
  tags: number;
  /** The nesting of all lines added up, and the line with the most (nestingOfLine). */
  nesting: number;
  deepest: { line: number; depth: number };
}

const MARKED_ALL = /[\n*_~[\]<]/g;

/** Counts the lines, emphasis marks, brackets, links and tag-like `<` of a text, and measures its nesting; one pass. */
function scanMarks(text: string): Marks {
  const n: Marks = {
    lines: 1,
    emphasis: 0,
    brackets: 0,
    links: 0,
    tags: 0,
    nesting: 0,
    deepest: { line: 0, depth: 0 },
  };
  addNesting(n, nestingOfLine(text, 0));
  // From mark to mark: a regular expression skips the plain text between them far faster than a loop.
  MARKED_ALL.lastIndex = 0;
  for (let m = MARKED_ALL.exec(text); m !== null; m = MARKED_ALL.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 10) {
      n.lines++;
      addNesting(n, nestingOfLine(text, m.index + 1));
    } else if (c === 42 || c === 95 || c === 126) n.emphasis++;
    else if (c === 91) n.brackets++;
    else if (c === 93) {
      n.brackets++;
      if (text.charCodeAt(m.index + 1) === 40) n.links++;
    } else if (startsTag(text.charCodeAt(m.index + 1))) n.tags++;
  }
  return n;
}

function addNesting(n: Marks, depth: number): void {
  n.nesting += depth;
  if (depth > n.deepest.depth) n.deepest = { line: n.lines, depth };
}

// After `<`: an ASCII letter, `/`, `!` or `?` may begin an HTML tag, comment or autolink, which scans ahead.
function startsTag(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63;
}

/**
 * An upper bound of how many lists and block quotes a line is inside: its container markers (`>`, `-`, `+`, `*`, `1.`,
 * `1)`) at the start, plus half the columns of white space that could continue lists opened on earlier lines (each needs
 * two or more): what precedes the first marker and follows a `>` beyond its own space. White space after a list marker
 * belongs to the new item. A line without a marker counts 0: it only continues what earlier lines opened.
 */
export function nestingOfLine(text: string, start: number): number {
  let i = start;
  let columns = 0;
  let markers = 0;
  let afterList = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (!afterList) columns += c === 9 ? 4 : 1;
      i++;
    } else if (c === 62) {
      markers++;
      i += text.charCodeAt(i + 1) === 32 ? 2 : 1;
    } else {
      const end = listMarkerEnd(text, i);
      if (end < 0) break;
      markers++;
      afterList = true;
      i = end;
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

// Where a list item marker at i ends (`-`, `+`, `*`, or 1 to 9 digits then `.` or `)`, then a space, tab or line end); -1 if none.
function listMarkerEnd(text: string, i: number): number {
  let end = i;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 43 || c === 42) end = i + 1;
  else {
    while (end < text.length && end - i < 10 && isDigit(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    if (end === i || end - i > 9 || (after !== 46 && after !== 41)) return -1;
    end++;
  }
  const next = text.charCodeAt(end);
  return end >= text.length || next === 32 || next === 9 || next === 10 ? end : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The line of the first `[` left open for more than MAX_OPEN_BRACKET characters of its paragraph, or undefined.
 * While a `[` is open, GFM's autolink check walks back to it at every word, so the open stretch must stay short.
 * A `]` counts as closing only if no backtick, `<` or `](` lies between: a code span, HTML or a link destination
 * might hide it from the parser. Every unescaped `[` counts as opening, wherever it is.
 */
function firstLongOpenBracket(text: string): number | undefined {
  const open: number[] = [];
  let hidden = -1;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    if (open.length > 0 && i - open[0]! > MAX_OPEN_BRACKET) return lineOf(text, open[0]!);
    const c = text.charCodeAt(i);
    if (c === 92 && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      // An escaped mark is text, but a backtick or `<` is one in a code span or HTML, where `\` is literal.
      if (text.charCodeAt(++i) === 96 || text.charCodeAt(i) === 60) hidden = i;
    } else if (c === 91) open.push(i);
    else if (c === 93) {
      if (open.length > 0 && open.at(-1)! > hidden) open.pop();
      if (text.charCodeAt(i + 1) === 40) hidden = i;
    } else if (c === 96 || c === 60) hidden = i;
    else if (c === 10) {
      // A blank line ends every paragraph: what was open there can no longer be closed.
      if (blank) open.length = 0;
      blank = true;
    } else if (c !== 32 && c !== 9) blank = false;
  }
  return undefined;
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
