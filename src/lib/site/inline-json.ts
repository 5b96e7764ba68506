/** JSON for a `<script type="application/json">` block: text in data/ can never close the script or open markup. */

const UNSAFE = /[<>&\u2028\u2029]/g;

/** Serialises a value to JSON that is safe inside an HTML `<script>` element (`<`, `>`, `&`, U+2028/9 escaped). */
export function toInlineJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  // `\u003c` is still `<` to JSON.parse, but the HTML parser never sees `</script>` or `<!--`.
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
