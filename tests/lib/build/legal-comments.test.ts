import { describe, expect, it } from 'vitest';
import { dropUrlsFromLegalComments } from '../../../src/lib/build/legal-comments';

describe('dropUrlsFromLegalComments', () => {
  it('keeps the licence notice and drops the home-page line', () => {
    const code =
      '/*!\n * Chart.js v4.6.1\n * https://www.chartjs.org\n * (c) 2026 Chart.js Contributors\n * Released under the MIT License\n */function a(){}';
    expect(dropUrlsFromLegalComments(code)).toBe(
      '/*!\n * Chart.js v4.6.1\n * (c) 2026 Chart.js Contributors\n * Released under the MIT License\n */function a(){}',
    );
  });

  it.each([
    [
      'a readme link',
      '/*!\n * @kurkle/color v0.3.4\n * https://github.com/kurkle/color#readme\n */',
      '/*!\n * @kurkle/color v0.3.4\n */',
    ],
    ['a protocol-relative link', '/*!\n * //cdn.example/x.js\n * MIT\n */', '/*!\n * MIT\n */'],
    ['code outside comments', 'const u="https://x.example";', 'const u="https://x.example";'],
    ['ordinary comments', '/* https://x.example\n */', '/* https://x.example\n */'],
  ])('%s', (_name, code, expected) => {
    expect(dropUrlsFromLegalComments(code)).toBe(expected);
  });
});
