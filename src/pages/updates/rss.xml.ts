/** /updates/rss.xml: the "Cập nhật mới" feed (RSS 2.0), one item per release; absolute links only when SITE_URL is set. */
import type { APIRoute } from 'astro';
import { getSiteData, getUpdates } from '../../data';
import { withBase } from '../../lib/site/paths';
import { feedLink, releaseFeedItems, writeRss } from '../../lib/site/rss';

export const GET: APIRoute = () => {
  const { site } = getSiteData().dataset;
  const page = feedLink(withBase(import.meta.env.BASE_URL, 'updates/'), process.env.SITE_URL);
  const xml = writeRss({
    title: `Cập nhật mới · ${site.title}`,
    link: page,
    description: `Nhiệm vụ đổi tình trạng và báo cáo tiến độ mới sau mỗi lần phát hành trang — ${site.organization}`,
    items: releaseFeedItems(getUpdates().history, (anchor) => `${page}#${anchor}`),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
