import { describe, expect, it } from 'vitest';
import { serializeJsonForScript } from '../../src/lib/json-script';

describe('serializeJsonForScript', () => {
  it.each([
    ['</script> in a title', { title: '</script><script>alert(2)</script>' }],
    ['<!-- in a note', { note: '<!-- <script>' }],
    ['& and >', { a: 'A & B > C' }],
    ['line and paragraph separators', { s: 'a\u2028b\u2029c' }],
    ['Vietnamese text', { title: 'Kế hoạch “khắc phục” – năm 2024' }],
    ['numbers, nulls and nesting', { n: [1, -5, null, { x: true }] }],
  ])('%s: no < > & or U+2028/9 in the output, and it reads back the same', (_, value) => {
    const json = serializeJsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes </script> as \\u003c/script\\u003e', () => {
    expect(serializeJsonForScript('</script>')).toBe('"\\u003c/script\\u003e"');
  });

  it('writes undefined as null', () => {
    expect(serializeJsonForScript(undefined)).toBe('null');
  });
});
