/** Lets a build process skip the pages another process of the same build renders (see src/lib/build-parts.ts). */
import { defineMiddleware } from 'astro:middleware';
import { parseBuildPart, partRendersPage } from './lib/build-parts';

const part = parseBuildPart(process.env.PLAN_BUILD_PART);

export const onRequest = defineMiddleware((context, next) => {
  // A response without a body is not written to disk, and the page itself never runs.
  if (!partRendersPage(part, context.url.pathname, Object.keys(context.params).length > 0)) return new Response(null);
  return next();
});
