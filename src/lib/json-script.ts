/** Data for client scripts, written into a `<script type="application/json">` block that data cannot break out of. */

const UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON.stringify for inline scripts: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes, so `</script>` in data stays text. */
export function serializeJsonForScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
