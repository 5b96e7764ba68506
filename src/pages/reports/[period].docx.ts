/** /reports/<period>.docx: the period's report as a Word file in the administrative layout, for staff to edit and send. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPeriodReport, getReportText, getSiteData, staticPaths } from '../../data';
import { buildReportDocx } from '../../lib/report-docx';

export const getStaticPaths: GetStaticPaths = () => staticPaths('report-docx');

export const GET: APIRoute = async ({ params }) => {
  const { dataset, units } = getSiteData();
  const bytes = await buildReportDocx({
    report: getPeriodReport(params.period!),
    organization: dataset.site.organization,
    asOf: dataset.site.asOf,
    units,
    text: getReportText(params.period!),
  });
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
