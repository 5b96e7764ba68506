/** /exports/<plan-id>.json: the plan, every task with its derived status, and the summary counts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlan, staticPaths } from '../../data';
import { buildPlanExport } from '../../lib/site/exports';

export const getStaticPaths: GetStaticPaths = () => staticPaths('export-json');

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(buildPlanExport(getPlan(params.plan!)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
