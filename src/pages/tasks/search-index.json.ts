/** /tasks/search-index.json: the folded search text of every row of /tasks/, fetched by <task-filter> after the page loads. */
import type { APIRoute } from 'astro';
import { getTaskIndex } from '../../data';
import { searchIndexJson } from '../../lib/site/task-index';

export const GET: APIRoute = () =>
  new Response(searchIndexJson(getTaskIndex().rows), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
