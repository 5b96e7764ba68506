/**
 * The entry of the site's server bundle (src/node/build/astro-bundle.mjs builds it through Astro's adapter API): Astro's
 * app, and the function the build's render threads call to render their share of the site's pages.
 */
import { createApp } from 'astro/app/entrypoint';
import { getSitePages } from '../../data';
import { renderShare, type RenderResult, type RenderShare } from './render-pages';

// Not streamed: each page is rendered whole, then written to its file.
const app = createApp({ streaming: false });

/** Renders pages of the site's list (src/lib/site/site-pages.ts) until none are left; src/node/build/render-worker.mjs calls it. */
export function render(share: RenderShare): Promise<RenderResult> {
  return renderShare(app, getSitePages(), import.meta.env.BASE_URL, share);
}
