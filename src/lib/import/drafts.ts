/** From the outline to plan sections and task drafts: which nodes are tasks, their content, title and field texts. */
import { ASSIGNMENT_FIELDS, type FieldKind } from './labels';
import { foldOcr } from './fuzzy';
import { joinText, toMarkdown, toParagraphs, type Paragraph } from './paragraphs';
import type { Outline, OutlineNode } from './structure';
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
}

/** Splits the outline into sections (I, II, II.1 …) and the tasks under them. */
export function collectOutline(outline: Outline): { sections: SectionJson[]; drafts: TaskDraft[] } {
  const out = { sections: [] as SectionJson[], drafts: [] as TaskDraft[] };
  collectNodes(outline.parts, undefined, out);
  return out;
}

function hasAssignment(node: OutlineNode): boolean {
  return node.fields.some((f) => (ASSIGNMENT_FIELDS as readonly string[]).includes(f.field));
}

function isTask(node: OutlineNode, siblings: readonly OutlineNode[]): boolean {
  // An item whose labels OCR lost is still a task when the items beside it are.
  return node.kind !== 'part' && (hasAssignment(node) || (node.children.length === 0 && siblings.some(hasAssignment)));
}

function containsTasks(node: OutlineNode): boolean {
  return node.children.some((c) => isTask(c, node.children) || containsTasks(c));
}

function collectNodes(
  nodes: readonly OutlineNode[],
  parent: string | undefined,
  out: ReturnType<typeof collectOutline>,
): void {
  for (const node of nodes) {
    if (parent !== undefined && isTask(node, nodes)) {
      out.drafts.push(draftTask(node, parent));
      continue;
    }
    const section: SectionJson = { id: node.id, title: headingTitle(joinText(node.heading)) };
    if (parent !== undefined) section.parent = parent;
    const tasksBelow = containsTasks(node);
    // A part with no tasks (I. Mục đích, yêu cầu; III. Tổ chức thực hiện) keeps all its text as the summary.
    const text = tasksBelow ? node.body : node.lines.slice(Math.max(0, node.heading.length - 1)).map((l) => l.text);
    const summary = toMarkdown(toParagraphs(text), true);
    if (summary) section.summary = summary;
    out.sections.push(section);
    if (tasksBelow) collectNodes(node.children, node.id, out);
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
