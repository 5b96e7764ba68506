/** Joining the body's tasks and items with an appendix table's rows: the body gives the content, the table the units and deadlines. */
import type { TaskDraft } from './drafts';
import { toMarkdown, toParagraphs } from './paragraphs';
import { foldOcr } from './fuzzy';
import type { OutlineNode } from './structure';

const STOP = new Set([
  'va',
  'cac',
  'cua',
  'trong',
  'tren',
  'theo',
  'de',
  'voi',
  'cho',
  'nhung',
  'mot',
  'so',
  'la',
  'co',
]);

function words(text: string): Set<string> {
  return new Set(
    foldOcr(text)
      .split(' ')
      .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w)),
  );
}

/** How much of the shorter text's words the other holds (0 to 1), and how many words they share. */
function overlap(a: Set<string>, b: Set<string>): { share: number; shared: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return { share: shared / Math.max(1, Math.min(a.size, b.size)), shared };
}

const SAME_WORK = 0.7;

/**
 * Where the body and a table list the same work, the table decides what the tasks are: the table's row keeps its
 * units and deadlines and takes the body's text as its content (and any field the row lacks). Body tasks the table
 * does not list stay tasks. Returns the body tasks left.
 */
export function joinTables(body: TaskDraft[], items: readonly OutlineNode[], table: TaskDraft[]): TaskDraft[] {
  const left = [...body];
  const free = [...items];
  for (const row of table) {
    const rowWords = words(row.content.split('\n\n')[0] ?? '');
    if (rowWords.size < 3) continue;
    const best = bestMatch(rowWords, [
      ...left.map((d) => ({ text: d.content, draft: d as TaskDraft | undefined, node: undefined })),
      ...free.map((n) => ({ text: itemText(n), draft: undefined, node: n as OutlineNode | undefined })),
    ]);
    if (!best) continue;
    if (best.draft) {
      left.splice(left.indexOf(best.draft), 1);
      row.fields = { ...best.draft.fields, ...row.fields };
      row.content = withTail(best.draft.content, row.content);
    } else if (best.node) {
      free.splice(free.indexOf(best.node), 1);
      row.content = withTail(toMarkdown(toParagraphs(itemLines(best.node))), row.content);
    }
  }
  return left;
}

function bestMatch<T extends { text: string }>(rowWords: Set<string>, candidates: T[]): T | undefined {
  let best: { c: T; share: number } | undefined;
  for (const c of candidates) {
    const { share, shared } = overlap(rowWords, words(c.text));
    if (share >= SAME_WORK && shared >= 3 && share > (best?.share ?? 0)) best = { c, share };
  }
  return best?.c;
}

function itemLines(node: OutlineNode): string[] {
  return [...node.heading, ...node.body];
}

function itemText(node: OutlineNode): string {
  return itemLines(node).join(' ');
}

/** The body's text, then what the table row adds after its task cell (product, note). */
function withTail(bodyContent: string, rowContent: string): string {
  const tail = rowContent.split('\n\n').slice(1);
  return [bodyContent, ...tail].filter(Boolean).join('\n\n');
}
