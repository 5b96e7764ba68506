import { describe, expect, it } from 'vitest';
import { toInlineJson } from '../../../src/lib/site/inline-json';

describe('toInlineJson', () => {
  it.each([
    ['a note that closes the script', { note: 'xong </script><script>alert(1)</script>' }],
    ['an HTML comment opener', ['<!--', '-->']],
    ['ampersands and angle brackets', 'a & b < c > d'],
    ['line and paragraph separators', 'dòng\u2028mới\u2029đoạn'],
    ['Vietnamese text', { label: 'Quá hạn, chưa hoàn thành', n: 1 }],
    ['numbers and nulls', [0, -1.5, null, true]],
  ])('round-trips %s and leaves no raw < > & in the output', (_name, value) => {
    const json = toInlineJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('writes < as \\u003c so the HTML parser never sees </script>', () => {
    expect(toInlineJson('</script>')).toBe('"\\u003c/script\\u003e"');
  });

  it('writes undefined as null rather than nothing', () => {
    expect(toInlineJson(undefined)).toBe('null');
  });
});
