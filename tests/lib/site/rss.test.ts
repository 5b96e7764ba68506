import { describe, expect, it } from 'vitest';
import {
  describeStatusChange,
  feedLink,
  formatPublishedVi,
  releaseFeedItems,
  writeRss,
} from '../../../src/lib/site/rss';
import type { ReleaseChanges } from '../../../src/lib/status/updates';

const release: ReleaseChanges = {
  release: '2025-01-05T02-12-00-000Z',
  published_at: '2025-01-05T02:12:00.000Z',
  previous: '2025-01-01T00-00-00-000Z',
  as_of: '2025-01-05',
  status_changes: [
    {
      plan: 'p',
      plan_title: 'KH',
      task: 'I.1',
      title: 'Sửa <script>alert(1)</script> & "Quy chế"',
      from: 'in_progress',
      to: 'overdue',
    },
  ],
  new_reports: [
    {
      plan: 'p',
      task: 'I.1',
      title: 'Việc',
      as_of: '2025-01-03',
      status: 'in_progress',
      percent: 70,
      reported_by: 'th',
    },
  ],
};

describe('the updates feed', () => {
  const xml = writeRss({
    title: 'Cập nhật & tin',
    link: '/ke-hoach/updates/',
    description: 'd',
    items: releaseFeedItems([release], (a) => `/ke-hoach/updates/#${a}`),
  });

  it('is RSS 2.0 with one item per release, linking to its entry on the updates page', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/);
    expect(xml).toContain('<link>/ke-hoach/updates/#r-2025-01-05T02-12-00-000Z</link>');
    expect(xml).toContain('<pubDate>Sun, 05 Jan 2025 02:12:00 GMT</pubDate>');
    expect(xml).toContain('<title>Cập nhật &amp; tin</title>');
  });

  it('escapes text from the data so it can never become markup', () => {
    expect(xml).not.toContain('<script');
    // Escaped once for the HTML of the description, once more for the XML around it.
    expect(xml).toContain(
      'Sửa &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;quot;Quy chế&amp;quot;',
    );
    expect(xml).not.toMatch(/https?:/);
  });

  it('uses absolute links only when SITE_URL is set, and refuses an address that is not one', () => {
    expect(feedLink('/ke-hoach/updates/', undefined)).toBe('/ke-hoach/updates/');
    expect(feedLink('/ke-hoach/updates/', 'http://intranet.local/')).toBe('http://intranet.local/ke-hoach/updates/');
    expect(() => feedLink('/updates/', 'intranet.local')).toThrow(/SITE_URL/);
  });

  it('shows times in Vietnam and changes in Vietnamese', () => {
    expect(formatPublishedVi('2025-01-05T20:30:00.000Z')).toBe('06/01/2025 03:30');
    expect(describeStatusChange({ ...release.status_changes[0]!, from: null })).toMatch(
      /: nhiệm vụ mới → Quá hạn, chưa hoàn thành$/,
    );
  });
});
