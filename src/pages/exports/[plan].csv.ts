/** /exports/<plan-id>.csv: the same task rows as the JSON export, UTF-8 with a BOM for Excel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlan, staticPaths } from '../../data';
import { buildPlanExport, writePlanCsv } from '../../lib/site/exports';

export const getStaticPaths: GetStaticPaths = () => staticPaths('export-csv');

export const GET: APIRoute = ({ params }) =>
  new Response(writePlanCsv(buildPlanExport(getPlan(params.plan!))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
