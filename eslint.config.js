// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // Frameworks through their front door (docs/STYLE): nothing from a package's internals.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^[^.].*/dist(/|$)', message: 'Use the package’s public API, not its dist/ internals.' }],
        },
      ],
    },
  },
  {
    // src/lib is pure: no file system, no Astro, no DOM.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/lib is pure: pass what it needs in (src/node reads files).' },
            { regex: '^astro(:|/|$)', message: 'src/lib is pure: no Astro in it.' },
            { regex: '^[^.].*/dist(/|$)', message: 'Use the package’s public API, not its dist/ internals.' },
          ],
        },
      ],
    },
  },
);
