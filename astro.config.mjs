// @ts-check
import { defineConfig } from 'astro/config';

// SITE_BASE lets the same build be served under a sub-path of the intranet (for example /ke-hoach/).
export default defineConfig({
  base: process.env.SITE_BASE || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
});
