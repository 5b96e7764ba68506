/** HTML built as strings, for rows repeated thousands of times per build: every value escaped as Astro 7 escapes it. */

/** HTML that may be inserted as is: built by `html`, or sanitised output marked with `trustedHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What a template may hold: text (escaped), safe HTML (as is), a list of these (joined), or nothing. */
export type HtmlValue = string | number | SafeHtml | false | null | undefined | readonly HtmlValue[];

const TEXT_SPECIAL = /[&<>'"]/g;
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const ATTRIBUTE_SPECIAL = /[&"]/g;
const ATTRIBUTE_ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;' };

/** Escapes text exactly as Astro escapes `{text}` in a template (html-escaper 3: `& < > ' "`). */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => TEXT_ENTITIES[c]!);
}

/** Escapes an attribute value exactly as Astro does (`&` and `"`); safe only inside double quotes, as `attr` writes it. */
export function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_ENTITIES[c]!);
}

/** ` name="value"` as Astro writes `name={value}`: nothing for undefined or null, the bare name for an empty string. */
export function attr(name: string, value: string | number | undefined | null): SafeHtml {
  if (value === undefined || value === null) return EMPTY;
  if (value === '') return new SafeHtml(` ${name}`);
  return new SafeHtml(` ${name}="${escapeAttribute(String(value))}"`);
}

/** Marks HTML the site produced and sanitised itself (renderMarkdown's output) as safe; never for text from data/. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

/** Template tag: html`<td>${text}</td>` escapes every value unless it is SafeHtml; false, null and undefined add nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Joins values (escaped unless safe) with a separator that is itself safe HTML. */
export function joinHtml(values: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(values.map(toHtml).join(separator));
}

const EMPTY = new SafeHtml('');

/** A value as HTML: text escaped, safe HTML as is, a list joined, nothing for false, null and undefined. */
export function toHtml(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (value === undefined || value === null || value === false) return '';
  let out = '';
  for (const item of value) out += toHtml(item);
  return out;
}
