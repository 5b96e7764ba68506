/** /tasks/search-index.json: the folded search text of every row of /tasks/, fetched by <task-filter> after the page loads. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../data';
import { currentPlans } from '../../lib/current';
import { buildTaskIndex, searchIndexJson } from '../../lib/task-index';

export const GET: APIRoute = () => {
  const data = getSiteData();
  const asOf = data.dataset.site.asOf;
  const index = buildTaskIndex(currentPlans(data.plans, asOf), data.units, data.leaders, asOf);
  return new Response(searchIndexJson(index.rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
