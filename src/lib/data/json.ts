/** Reading JSON data files: syntax errors located by line, keys trimmed and lower-cased like CSV headers. */
import { errorAt, type DataIssue } from './problems';
import { cleanText } from '../text';

/** Data files nest three levels at most; far deeper nesting is a damaged or hostile file. */
const MAX_DEPTH = 32;

/** A parsed JSON value, or the problem that stopped it. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; issue: DataIssue };

/** Parses a JSON data file; object keys come out NFC, trimmed and lower case (`" Title"` → `title`). */
export function parseJsonFile(file: string, text: string): JsonResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = / in JSON at position (\d+)/.exec(message);
    const line = at ? lineOfOffset(text, Number(at[1])) : undefined;
    return {
      ok: false,
      issue: errorAt(
        { file, line },
        'json-syntax',
        `is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      ),
    };
  }
  const value = cleanKeys(raw);
  if (value === TOO_DEEP)
    return {
      ok: false,
      issue: errorAt({ file }, 'json-shape', `nests more than ${MAX_DEPTH} levels deep; data files need three at most`),
    };
  return { ok: true, value };
}

const TOO_DEEP = Symbol('too deep');

// Iterative rather than recursive, so a hostile file cannot overflow the stack.
function cleanKeys(root: unknown): unknown {
  const holder: Record<string, unknown> = {};
  const stack: { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] =
    [{ source: root, target: holder, key: 'root', depth: 0 }];
  while (stack.length > 0) {
    const { source, target, key, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return TOO_DEEP;
    let copy: unknown = source;
    if (Array.isArray(source)) {
      const list: unknown[] = new Array(source.length);
      source.forEach((item, i) => stack.push({ source: item, target: list, key: i, depth: depth + 1 }));
      copy = list;
    } else if (source !== null && typeof source === 'object') {
      const object: Record<string, unknown> = {};
      // Reversed so that, as in JSON.parse, the last of two keys that clean to the same name wins.
      for (const [k, v] of Object.entries(source).reverse())
        stack.push({ source: v, target: object, key: cleanText(k).toLowerCase(), depth: depth + 1 });
      copy = object;
    }
    setOwn(target, key, copy);
  }
  return holder.root;
}

/** Sets an own property, even one named `__proto__`, without touching the object's prototype. */
export function setOwn(target: object, key: string | number, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string | number, unknown>)[key] = value;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
