// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Frameworks through their front door (docs/STYLE): nothing from a package's internals.
const NO_DIST = { regex: '^[^.].*/dist(/|$)', message: 'Use the package’s public API, not its dist/ internals.' };
const PURE = [
  { regex: '^node:', message: 'src/lib is pure: pass what it needs in (src/node reads files).' },
  { regex: '^astro(:|/|$)', message: 'src/lib is pure: no Astro in it.' },
];

/** no-restricted-imports for these files: the package-internals rule and these patterns (a later rule replaces an earlier one). */
function restrict(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [NO_DIST, ...patterns] }] } };
}

/** One or more steps up a folder, as a group's files (and those of its sub-folders) reach another group. */
const UP = '(\\.\\./)+';

/** A pattern refusing imports of these src/lib groups from a group below them. */
function below(prefix, groups) {
  return {
    regex: `^${prefix}(${groups.join('|')})/`,
    message: `src/lib's groups import downwards only (dates/text ← data ← status ← site, forms ← build; import ← data).`,
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.*',
      '.dist-*/',
      '.astro/',
      '.cache/',
      '.tmp/',
      'node_modules/',
      'tests/fixtures/',
      'tests/golden/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [NO_DIST] }],
    },
  },
  // Components and layouts take what they show as props; pages ask src/data.ts.
  restrict(
    ['src/components/**', 'src/layouts/**'],
    [{ regex: '^(\\.\\./)+data$', message: 'Components take what they show as props; the page asks src/data.ts.' }],
  ),
  // src/lib is pure (no file system, no Astro, no DOM), and its groups import downwards only: dates.ts and text.ts,
  // then data/ (the data contract), status/ (the rules), site/ (the views) and forms/ (the monthly round), build/;
  // import/ stands on data/; serve/ on nothing.
  restrict(['src/lib/*.ts'], [...PURE, below('\\./', ['data', 'status', 'site', 'forms', 'build', 'import', 'serve'])]),
  restrict(['src/lib/data/**/*.ts'], [...PURE, below(UP, ['status', 'site', 'forms', 'build', 'import', 'serve'])]),
  restrict(['src/lib/status/**/*.ts'], [...PURE, below(UP, ['site', 'forms', 'build', 'import', 'serve'])]),
  restrict(['src/lib/site/**/*.ts'], [...PURE, below(UP, ['forms', 'build', 'import', 'serve'])]),
  restrict(['src/lib/forms/**/*.ts'], [...PURE, below(UP, ['site', 'build', 'import', 'serve'])]),
  restrict(['src/lib/build/**/*.ts'], [...PURE, below(UP, ['import', 'serve'])]),
  restrict(['src/lib/import/**/*.ts'], [...PURE, below(UP, ['status', 'site', 'forms', 'build', 'serve'])]),
  // serve/ (the web server's policy and configuration) stands apart: it imports no other group, and none imports it.
  restrict(['src/lib/serve/**/*.ts'], [...PURE, below(UP, ['data', 'status', 'site', 'forms', 'build', 'import'])]),
);
