/** From the outline to plan sections and task drafts: which nodes are tasks, their content, title and field texts. */
import { ASSIGNMENT_FIELDS, type FieldKind } from './labels';
import { foldOcr } from './fuzzy';
import { joinText, toMarkdown, toParagraphs, type Paragraph } from './paragraphs';
import type { Outline, OutlineNode } from './structure';
import { readProse } from './prose';
import { startsName } from './names';
import { headingTitle, shortTitle } from './titles';

/** One entry of plan.json's sections. */
export interface SectionJson {
  id: string;
  title: string;
  parent?: string;
  summary?: string;
}

/** A field's text as the plan words it, and the line it starts on. */
export interface FieldText {
  text: string;
  line: number;
}

/** A task as read from the text, before its names and timeline are resolved. */
export interface TaskDraft {
  id: string;
  section: string;
  line: number;
  title: string;
  /** Markdown. */
  content: string;
  /** The assignment fields found; a missing one is absent. */
  fields: Partial<Record<Exclude<FieldKind, 'content'>, FieldText>>;
  /** Bulleted lines among the fields that matched no label; kept in the content. */
  extras: FieldText[];
  /** What was assumed for the person to check ("lead_units taken from the row above"). */
  notes?: FieldText[] | undefined;
}

/** A unit's duties under the plan, from a section headed by the unit ("1. Sở Công Thương: …"). */
export interface DutyDraft {
  /** The unit as the heading names it. */
  name: string;
  /** Markdown. */
  text: string;
  line: number;
  /** The heading's node and the node holding the per-unit sections, to make them sections and tasks when needed. */
  node: OutlineNode;
  container: OutlineNode;
}

/** What the outline holds: sections, tasks, per-unit duties, and items with no assignment (to join with a table). */
export interface OutlineContent {
  sections: SectionJson[];
  drafts: TaskDraft[];
  duties: DutyDraft[];
  /** Items that are no task on their own: an appendix table may give them units and deadlines. */
  items: OutlineNode[];
}

/** Splits the outline into sections (I, II, II.1 …), the tasks under them and the per-unit duties. */
export function collectOutline(outline: Outline): OutlineContent {
  const out: OutlineContent = { sections: [], drafts: [], duties: [], items: [] };
  const dutyNodes = new Set<OutlineNode>();
  findDuties(outline.parts, out.duties, dutyNodes);
  collectNodes(outline.parts, undefined, out, dutyNodes);
  const tasks = new Set(out.drafts.map((d) => d.id));
  const walk = (nodes: readonly OutlineNode[]): void =>
    nodes.forEach((n) => {
      if (n.kind !== 'part' && n.children.length === 0 && !tasks.has(n.id)) out.items.push(n);
      walk(n.children);
    });
  walk(outline.parts);
  return out;
}

/** The unit a node is headed by ("Sở Công Thương: …", "Sở Công Thương"), and the text after it. */
function unitHeading(node: OutlineNode): { name: string; rest: string } | undefined {
  const first = node.heading[0] ?? '';
  const colon = first.indexOf(':');
  const name = (colon > 0 ? first.slice(0, colon) : first).replace(/[\s.;,]+$/, '');
  if (name.length > 100 || !startsName(name) || (colon < 0 && /[.;]$/.test(first))) return undefined;
  return { name, rest: colon > 0 ? first.slice(colon + 1).trim() : '' };
}

/** Finds nodes whose children are mostly headed by a unit: each such child is that unit's duties. */
function findDuties(nodes: readonly OutlineNode[], duties: DutyDraft[], taken: Set<OutlineNode>): void {
  for (const node of nodes) {
    const headed = node.children.map((c) => ({ child: c, unit: unitHeading(c) }));
    const count = headed.filter((h) => h.unit).length;
    if (count >= 2 && count * 2 >= node.children.length) {
      for (const { child, unit } of headed) {
        if (!unit) continue;
        const lines = [unit.rest, ...child.lines.map((l) => l.text)];
        duties.push({
          name: unit.name,
          text: toMarkdown(toParagraphs(lines)),
          line: child.line,
          node: child,
          container: node,
        });
        taken.add(child);
      }
    } else findDuties(node.children, duties, taken);
  }
}

function hasAssignment(node: OutlineNode): boolean {
  if (node.fields.some((f) => (ASSIGNMENT_FIELDS as readonly string[]).includes(f.field))) return true;
  if (node.children.length > 0) return false;
  const prose = readProse([...node.heading, ...node.body].join(' '));
  return prose.lead !== undefined || prose.timeline !== undefined;
}

function isTask(node: OutlineNode, siblings: readonly OutlineNode[]): boolean {
  // An item whose labels OCR lost is still a task when the items beside it are.
  return (
    node.kind !== 'part' &&
    (hasAssignment(node) ||
      (node.children.length === 0 && siblings.some((s) => s.fields.length > 0 && hasAssignment(s))))
  );
}

function containsTasks(node: OutlineNode): boolean {
  return node.children.some((c) => isTask(c, node.children) || containsTasks(c));
}

function collectNodes(
  nodes: readonly OutlineNode[],
  parent: string | undefined,
  out: OutlineContent,
  dutyNodes: ReadonlySet<OutlineNode>,
): void {
  for (const node of nodes) {
    if (parent !== undefined && !dutyNodes.has(node) && isTask(node, nodes)) {
      out.drafts.push(draftTask(node, parent));
      continue;
    }
    const tasksBelow = containsTasks(node);
    // A numbered paragraph beside tasks that assigns nothing is its section's text, not a section of its own.
    const home = out.sections.find((s) => s.id === parent);
    if (home && node.children.length === 0 && node.kind === 'group' && !/[:]$/.test(node.heading.join(' ').trim())) {
      const text = toMarkdown(toParagraphs([`${node.id.split('.').pop()}. ${node.heading.join(' ')}`, ...node.body]));
      home.summary = home.summary ? `${home.summary}\n\n${text}` : text;
      continue;
    }
    const section: SectionJson = { id: node.id, title: headingTitle(joinText(node.heading)) };
    if (parent !== undefined) section.parent = parent;
    // A part with no tasks (I. Mục đích, yêu cầu; III. Tổ chức thực hiện) keeps all its text as the summary.
    const text = tasksBelow ? node.body : node.lines.slice(Math.max(0, node.heading.length - 1)).map((l) => l.text);
    const summary = toMarkdown(toParagraphs(text), true);
    if (summary) section.summary = summary;
    out.sections.push(section);
    if (tasksBelow) collectNodes(node.children, node.id, out, dutyNodes);
  }
}

/** Reads one task: its own text and content fields become the content; the first sentence, the title. */
function draftTask(node: OutlineNode, section: string): TaskDraft {
  const draft: TaskDraft = { id: node.id, section, line: node.line, title: '', content: '', fields: {}, extras: [] };
  const blocks: Paragraph[][] = [toParagraphs([...node.heading, ...node.body])];
  for (const f of node.fields) {
    const text = { text: joinText(f.lines).replace(/[\s.;,]+$/, ''), line: f.line };
    if (f.field === 'content') blocks.push(labelled(toParagraphs(f.lines), f.label, blocks));
    else if (f.field === 'extra') {
      draft.extras.push(text);
      blocks.push(toParagraphs(f.lines));
    } else {
      const before = draft.fields[f.field];
      draft.fields[f.field] = before ? { text: `${before.text}; ${text.text}`, line: before.line } : text;
    }
  }
  addProseFields(draft, [...node.heading, ...node.body].join(' '), node.line);
  const filled = blocks.filter((b) => b.length > 0);
  draft.content = filled.map((b) => toMarkdown(b)).join('\n\n');
  draft.title = filled[0] ? shortTitle(filled[0][0]!.text.replace(/^\*\*[^*]+:\*\*\s*/, '')) : '';
  return draft;
}

/** Puts "**Biện pháp khắc phục:**" before a content field's text; "Nội dung" at the very start needs no label. */
function labelled(paragraphs: Paragraph[], label: string, before: readonly Paragraph[][]): Paragraph[] {
  if (paragraphs.length === 0) return paragraphs;
  const first = before.every((b) => b.length === 0);
  if (first && foldOcr(label) === 'noi dung') return paragraphs;
  const [head, ...rest] = paragraphs;
  if (head!.kind !== 'text') return [{ kind: 'text', text: `**${label}:**` }, ...paragraphs];
  return [{ kind: 'text', text: `**${label}:** ${head!.text}` }, ...rest];
}

/** Fills the fields the labels did not give from the task's sentences ("X chủ trì, phối hợp với Y … hoàn thành …"). */
export function addProseFields(draft: TaskDraft, text: string, line: number): void {
  const prose = readProse(text);
  if (prose.lead && !draft.fields.lead_units) draft.fields.lead_units = { text: prose.lead, line };
  if (prose.support && !draft.fields.support_units) draft.fields.support_units = { text: prose.support, line };
  if (prose.timeline && !draft.fields.timeline) draft.fields.timeline = { text: prose.timeline, line };
}
