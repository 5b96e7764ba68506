import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../../src/lib/site/inline-scripts';
import { contentSecurityPolicy, cspProblems, inlineScriptsOf } from '../../../src/lib/serve/csp';

const ALLOWED = ['allowed()'];

describe('the Content-Security-Policy', () => {
  it('allows the site itself, and inline scripts only by their hashes', () => {
    expect(contentSecurityPolicy(['sha256-AAA=', 'sha256-BBB='])).toMatchInlineSnapshot(
      `"default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"`,
    );
    expect(contentSecurityPolicy([])).not.toContain('unsafe');
  });

  it.each([
    ['a script file', '<script type="module" src="/_astro/a.js"></script>'],
    ['a JSON data block', '<script type="application/json">{"a":1}</script>'],
    ['an allowed inline script', '<script>allowed()</script>'],
    ['the site’s own head script', `<script>${PAGE_SCRIPT}</script>`],
    ['a stylesheet link', '<link rel="stylesheet" href="/_astro/a.css">'],
    ['the words in text', '<p>style="x" onclick=y javascript:z</p>'],
    ['the words in an attribute value', '<a title="style=&quot;x&quot; onclick=1" href="/a">a</a>'],
    ['an SVG with presentation attributes', '<svg viewBox="0 0 4 1"><rect x="1" width="3" height="1"></rect></svg>'],
  ])('passes %s', (_name, html) => {
    expect(cspProblems(html, [...ALLOWED, PAGE_SCRIPT])).toEqual([]);
  });

  it.each([
    [
      'another inline script',
      '<script>alert(1)</script>',
      'inline script "alert(1)" is not one the Content-Security-Policy allows',
    ],
    [
      'an inline module',
      '<script type="module">import "x"</script>',
      'inline script "import \\"x\\"" is not one the Content-Security-Policy allows',
    ],
    ['a style element', '<style>p{}</style>', 'a <style> element: the Content-Security-Policy allows no inline style'],
    [
      'a style attribute',
      '<div style="height:1rem"></div>',
      'a style attribute on <div>: the Content-Security-Policy allows none',
    ],
    [
      'a bare style attribute',
      "<span class=x STYLE='a'>",
      'a style attribute on <span>: the Content-Security-Policy allows none',
    ],
    ['an event handler', '<img src="a.png" onerror="x()">', 'an event handler attribute onerror on <img>'],
    ['a javascript: link', '<a href=" javascript:x()">a</a>', 'a javascript: URL in href on <a>'],
  ])('finds %s', (_name, html, message) => {
    expect(cspProblems(`<p>before</p>${html}<p>after</p>`, ALLOWED)).toEqual([message]);
  });

  it('names each kind of problem once however often it occurs', () => {
    expect(cspProblems('<i style="a"></i><i style="b"></i><b style="c"></b>', [])).toEqual([
      'a style attribute on <i>: the Content-Security-Policy allows none',
      'a style attribute on <b>: the Content-Security-Policy allows none',
    ]);
  });

  it('lists the inline scripts a browser runs, leaving out files and data blocks', () => {
    const html =
      '<script>a()</script><script src="/x.js"></script><script type="application/json">{}</script><script type="module">b()</script>';
    expect(inlineScriptsOf(html)).toEqual(['a()', 'b()']);
  });
});
