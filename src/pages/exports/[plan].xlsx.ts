/** /exports/<plan-id>.xlsx: the CSV export's rows as an Excel workbook (src/lib/workbook/export.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlan, staticPaths } from '../../data';
import { buildPlanExport } from '../../lib/site/exports';
import { writePlanWorkbook } from '../../lib/site/workbook-export';

export const getStaticPaths: GetStaticPaths = () => staticPaths('export-xlsx');

export const GET: APIRoute = async ({ params }) =>
  new Response(await writePlanWorkbook(buildPlanExport(getPlan(params.plan!))), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
