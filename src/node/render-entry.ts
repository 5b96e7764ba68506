/** The entry of the site's server bundle (src/node/astro-bundle.mjs builds it): Astro's App, and the function the build's render threads call. */
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { renderShare, type RenderResult, type RenderShare } from './render-pages';

export function createExports(manifest: SSRManifest): { render: (share: RenderShare) => Promise<RenderResult> } {
  // Not streamed: each page is rendered whole, then written to its file.
  const app = new App(manifest, false);
  return { render: (share) => renderShare(app, manifest, share) };
}
