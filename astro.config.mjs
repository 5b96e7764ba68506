// @ts-check
import { defineConfig } from 'astro/config';
import { dropUrlsFromLegalComments } from './src/lib/build/legal-comments.ts';

/**
 * The site is read with no internet: no URL to the outside may remain in the bundled scripts (see tests/build).
 * @returns {import('vite').Plugin}
 */
function noUrlsInLicenceComments() {
  return {
    name: 'no-urls-in-licence-comments',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = dropUrlsFromLegalComments(file.code);
      }
    },
  };
}

// SITE_BASE lets the same build be served under a sub-path of the intranet (for example /ke-hoach/).
export default defineConfig({
  base: process.env.SITE_BASE || '/',
  trailingSlash: 'always',
  // Stylesheets are files, never inlined: the Content-Security-Policy (deploy/, npm run serve-config) allows no inline
  // style, and a file is cached across pages (docs/performance.md, "The stylesheet: kept as files").
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    plugins: [noUrlsInLicenceComments()],
    build: {
      // One stylesheet for every page (3 KB gzipped): after a reader's first page, no page waits for CSS.
      cssCodeSplit: false,
      // Vite 8's minifier drops licence comments unless asked to keep them (chart.js's MIT notice must stay).
      rolldownOptions: { output: { comments: { legal: true } } },
    },
  },
});
