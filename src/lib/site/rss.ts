/** The "Cập nhật mới" feed: RSS 2.0 text from the release history, every value escaped. */
import { formatDateVi, todayInVietnam } from '../dates';
import { escapeText } from './html';
import { STATUS_LABELS } from '../status/status';
import type { ReleaseChanges, StatusChange } from '../status/updates';

/** One item of a feed. */
export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  /** ISO 8601. */
  published: string;
  /** Plain text lines, shown as a list. */
  lines: string[];
}

/** A feed's channel and items. */
export interface Feed {
  title: string;
  link: string;
  description: string;
  items: FeedItem[];
}

/** Escapes text for XML element content and attribute values. */
function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Writes a feed as RSS 2.0; item descriptions are HTML lists, escaped twice (HTML, then XML). */
export function writeRss(feed: Feed): string {
  const items = feed.items.map((item) => {
    const html = item.lines.length ? `<ul>${item.lines.map((l) => `<li>${escapeText(l)}</li>`).join('')}</ul>` : '';
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.link)}</link>`,
      `      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
      `      <pubDate>${new Date(item.published).toUTCString()}</pubDate>`,
      `      <description>${escapeXml(html)}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    '    <language>vi</language>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A link for the feed: absolute when the site's address is known (SITE_URL), otherwise the path as it is. */
export function feedLink(path: string, siteUrl: string | undefined): string {
  if (!siteUrl) return path;
  if (!/^https?:\/\/[^/\s]+/.test(siteUrl))
    throw new Error(`SITE_URL ${JSON.stringify(siteUrl)} is not an address like http://intranet.example/`);
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The id of a release's entry on the updates page, used as a link target. */
export function releaseAnchor(release: string): string {
  return `r-${release.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The date and time of a release in Vietnam, DD/MM/YYYY HH:MM. */
export function formatPublishedVi(iso: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${formatDateVi(todayInVietnam(date))} ${time}`;
}

/** One line describing a status change, e.g. "II.3.b Tên: Đang thực hiện → Quá hạn, chưa hoàn thành". */
export function describeStatusChange(c: StatusChange): string {
  const from = c.from ? STATUS_LABELS[c.from] : 'nhiệm vụ mới';
  const to = c.to ? STATUS_LABELS[c.to] : 'không còn trong kế hoạch';
  return `${c.task} ${c.title} (${c.plan}): ${from} → ${to}`;
}

/** The headline of a release: when, and how many changes. */
export function describeRelease(r: ReleaseChanges): string {
  if (r.previous === null)
    return `Phát hành ${formatPublishedVi(r.published_at)}: bản đầu tiên, chưa có bản trước để so sánh`;
  return `Phát hành ${formatPublishedVi(r.published_at)}: ${r.status_changes.length} nhiệm vụ đổi tình trạng, ${r.new_reports.length} báo cáo tiến độ mới`;
}

/** Feed items for a release history, newest first. */
export function releaseFeedItems(history: readonly ReleaseChanges[], linkTo: (anchor: string) => string): FeedItem[] {
  return history.map((r) => ({
    title: describeRelease(r),
    link: linkTo(releaseAnchor(r.release)),
    guid: r.release,
    published: r.published_at,
    lines: [
      ...r.status_changes.map(describeStatusChange),
      ...r.new_reports.map(
        (n) =>
          `Báo cáo ngày ${formatDateVi(n.as_of)} về ${n.task} ${n.title} (${n.plan})${n.percent !== null ? `: ${n.percent}%` : ''}`,
      ),
    ],
  }));
}
