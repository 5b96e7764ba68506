/**
 * The Content-Security-Policy the site is served with (deploy/, `npm run serve-config`), and the check that a built
 * page needs nothing it forbids: no inline script but the site's own hashed ones (src/lib/inline-scripts.ts), no
 * inline style at all (no `<style>`, no `style` attribute), no event-handler attribute, no `javascript:` URL.
 */

/**
 * The policy: everything from the site itself and nothing else; scripts also the inline ones whose hashes are given
 * (`sha256-<base64>`); no plugin, no `<base>`, forms only to the site; framed only by pages of the same site.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Script types a browser runs (a `<script>` of any other type is a data block, e.g. application/json). */
const RUNNABLE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

/** What in a page the policy would block, one message each; `inlineScripts` are the texts the policy allows by hash. */
export function cspProblems(html: string, inlineScripts: readonly string[]): string[] {
  const problems = inlineScriptsOf(html)
    .filter((body) => !inlineScripts.includes(body))
    .map((body) => `inline script ${JSON.stringify(clip(body))} is not one the Content-Security-Policy allows`);
  // Tags only: the text between them is escaped, and script bodies are not markup.
  const markup = html.replace(SCRIPT, '<script>');
  if (/<style\b/i.test(markup)) problems.push('a <style> element: the Content-Security-Policy allows no inline style');
  if (!/\s(?:style|on[a-z]+)\s*=|javascript:/i.test(markup)) return problems;
  const found = new Set<string>();
  for (const [, tag, attrs = ''] of markup.matchAll(TAG)) {
    for (const [name, value] of attributesOf(attrs)) {
      if (name === 'style') found.add(`a style attribute on <${tag}>: the Content-Security-Policy allows none`);
      else if (/^on[a-z]+$/.test(name)) found.add(`an event handler attribute ${name} on <${tag}>`);
      else if (/^\s*javascript:/i.test(value)) found.add(`a javascript: URL in ${name} on <${tag}>`);
    }
  }
  problems.push(...found);
  return problems;
}

/** The inline scripts of a page that a browser runs, in order. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(SCRIPT)].flatMap(([, attrs = '', body = '']) => {
    const attributes = attributesOf(attrs);
    return attributes.has('src') || !RUNNABLE.test((attributes.get('type') ?? '').trim()) ? [] : [body];
  });
}

function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name = '', double, single, bare] of text.matchAll(ATTRIBUTE))
    out.set(name.toLowerCase(), double ?? single ?? bare ?? '');
  return out;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
