import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attr, escapeAttribute, escapeText, html, joinHtml, SafeHtml, trustedHtml } from '../../../src/lib/site/html';

/** What a browser reads back from escaped text: the five entities html.ts writes. */
const decode = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

// Text a row may hold: the characters that matter to HTML, Vietnamese letters and marks, spaces and line ends.
const text = fc.string({ unit: fc.constantFrom(...'<>&"\'=/ abc\nđĐơƯế\u0301\u00a0;#x'.split('')), maxLength: 40 });

describe('escapeText', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['</td></tr><tr><td>', '&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &#39;single&#39;'],
    ['A & B &amp; C', 'A &amp; B &amp;amp; C'],
    ['Sở Tài chính', 'Sở Tài chính'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('leaves no tag, quote or entity of its own: decoding gives the text back', () => {
    fc.assert(fc.property(text, (s) => !/[<>"']/.test(escapeText(s)) && decode(escapeText(s)) === s));
  });
});

describe('attr', () => {
  it.each([
    ['a plain value', 'Sở Nội vụ', ' title="Sở Nội vụ"'],
    ['a quote that would end the attribute', 'x" onmouseover="alert(1)', ' title="x&quot; onmouseover=&quot;alert(1)"'],
    ['an ampersand', 'A & B', ' title="A &amp; B"'],
    ['tags, harmless inside quotes', '<img src=x onerror=alert(1)>', ' title="<img src=x onerror=alert(1)>"'],
    ['an empty value: the bare name', '', ' title'],
    ['undefined: nothing', undefined, ''],
  ])('%s', (_, value, expected) => {
    expect(attr('title', value).value).toBe(expected);
  });

  it('writes name="value" that decodes to the value, the bare name for an empty value, nothing for undefined', () => {
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), (s) => {
        const written = attr('title', s).value;
        if (s === undefined) return written === '';
        if (s === '') return written === ' title';
        return written.startsWith(' title="') && decode(written.slice(8, -1)) === s;
      }),
    );
  });

  it('leaves no way out of the double quotes', () => {
    fc.assert(fc.property(text, (s) => !escapeAttribute(s).includes('"')));
  });
});

describe('html', () => {
  it('escapes every interpolated string, number as text, and nothing for false, null or undefined', () => {
    const cell = html`<td data-label="Số">${'<b>x</b>'}${42}${false}${null}${undefined}</td>`;
    expect(cell).toBeInstanceOf(SafeHtml);
    expect(cell.value).toBe('<td data-label="Số">&lt;b&gt;x&lt;/b&gt;42</td>');
  });

  it('inserts safe HTML as it is and joins lists', () => {
    const inner = html`<a${attr('href', '/units/a&b/')}>${'A & B'}</a>`;
    expect(html`<td>${[inner, ', ', trustedHtml('<p>ok</p>')]}</td>`.value).toBe(
      '<td><a href="/units/a&amp;b/">A &amp; B</a>, <p>ok</p></td>',
    );
  });

  it('never lets hostile text open a tag or close the cell', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = html`<td>${s}</td>`.value;
        return out.slice(4, -5).indexOf('<') === -1 && out.endsWith('</td>');
      }),
    );
  });

  it('joins with a separator that is itself HTML', () => {
    expect(joinHtml(['a<', html`<b>b</b>`], ', ').value).toBe('a&lt;, <b>b</b>');
  });
});
