/** /exports/<plan-id>.<period>.json: the plan as its JSON export, judged at the period's cut-off (as_of is the cut-off). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlanAtPeriod, staticPaths } from '../../data';
import { buildPlanExport } from '../../lib/site/exports';

export const getStaticPaths: GetStaticPaths = () => staticPaths('export-period');

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(buildPlanExport(getPlanAtPeriod(params.plan!, params.period!)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
