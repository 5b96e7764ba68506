/** /reports/<period>.docx: the period's report as a Word file in the administrative layout, for staff to edit and send. */
import { crc32, deflateRawSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPeriodReport, getReportText, getSiteData, staticPaths } from '../../data';
import { buildReportDocx } from '../../lib/site/docx/report';

export const getStaticPaths: GetStaticPaths = () => staticPaths('report-docx');

export const GET: APIRoute = async ({ params }) => {
  const { dataset, units } = getSiteData();
  const bytes = await buildReportDocx({
    report: getPeriodReport(params.period!),
    organization: dataset.site.organization,
    asOf: dataset.site.asOf,
    units,
    text: getReportText(params.period!),
    // node:zlib's DEFLATE is native: several times faster than fflate's on the tables of a province.
    deflater: { deflateRaw: (data) => deflateRawSync(data, { level: 6 }), crc32: (data) => crc32(data) },
  });
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
