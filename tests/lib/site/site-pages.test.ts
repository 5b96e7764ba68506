import { describe, expect, it } from 'vitest';
import { isFixedPage, listSitePages, staticPathsOf } from '../../../src/lib/site/site-pages';

const outline = {
  plans: [{ id: 'p', sections: ['I'], tasks: ['I.1'] }],
  units: ['th'],
  leaders: ['cvp'],
};

describe('the pages of a site', () => {
  it('lists the fixed pages, then each plan with its sections, tasks and exports, then units and leaders', () => {
    expect(listSitePages(outline).map((p) => [p.route, p.path, p.file])).toEqual([
      ['home', '', 'index.html'],
      ['tasks', 'tasks/', 'tasks/index.html'],
      ['search-index', 'tasks/search-index.json', 'tasks/search-index.json'],
      ['units', 'units/', 'units/index.html'],
      ['leaders', 'leaders/', 'leaders/index.html'],
      ['archive', 'archive/', 'archive/index.html'],
      ['updates', 'updates/', 'updates/index.html'],
      ['rss', 'updates/rss.xml', 'updates/rss.xml'],
      ['reports', 'reports/', 'reports/index.html'],
      ['not-found', '404.html', '404.html'],
      ['plan', 'plans/p/', 'plans/p/index.html'],
      ['section', 'plans/p/sections/I/', 'plans/p/sections/I/index.html'],
      ['task', 'plans/p/tasks/I.1/', 'plans/p/tasks/I.1/index.html'],
      ['export-json', 'exports/p.json', 'exports/p.json'],
      ['export-csv', 'exports/p.csv', 'exports/p.csv'],
      ['export-xlsx', 'exports/p.xlsx', 'exports/p.xlsx'],
      ['unit', 'units/th/', 'units/th/index.html'],
      ['leader', 'leaders/cvp/', 'leaders/cvp/index.html'],
    ]);
  });

  it('gives each route its getStaticPaths entries with the ids as they are, and URLs percent-encoded', () => {
    const pages = listSitePages({
      plans: [{ id: 'p', sections: [], tasks: ['II.1.a', 'Đ 1'] }],
      units: [],
      leaders: [],
    });
    expect(staticPathsOf(pages, 'task')).toEqual([
      { params: { plan: 'p', task: 'II.1.a' } },
      { params: { plan: 'p', task: 'Đ 1' } },
    ]);
    expect(pages.find((p) => p.params.task === 'Đ 1')).toMatchObject({
      path: 'plans/p/tasks/%C4%90%201/',
      file: 'plans/p/tasks/Đ 1/index.html',
    });
    expect(staticPathsOf(pages, 'home')).toEqual([{ params: {} }]);
  });

  it('tells the fixed pages from those with parameters', () => {
    const pages = listSitePages(outline);
    expect(pages.filter(isFixedPage).map((p) => p.route)).toEqual([
      'home',
      'tasks',
      'search-index',
      'units',
      'leaders',
      'archive',
      'updates',
      'rss',
      'reports',
      'not-found',
    ]);
  });

  it('has the page for addresses the site lacks, which Astro answers with status 404 and writes as 404.html', () => {
    const pages = listSitePages(outline);
    expect(pages.filter((p) => p.status !== undefined)).toEqual([
      { route: 'not-found', params: {}, path: '404.html', file: '404.html', status: 404 },
    ]);
  });

  it("lists each period's page and Word report after the fixed pages, and each plan's export per period after the plans", () => {
    const pages = listSitePages({
      ...outline,
      plans: [...outline.plans, { id: 'q', sections: [], tasks: [] }],
      periods: [
        { id: '2024-q1', plans: ['p', 'q'] },
        { id: '2024-01', plans: ['p'] },
      ],
    });
    expect(pages.filter((p) => /report|export-period/.test(p.route)).map((p) => [p.route, p.path, p.file])).toEqual([
      ['reports', 'reports/', 'reports/index.html'],
      ['report', 'reports/2024-q1/', 'reports/2024-q1/index.html'],
      ['report-docx', 'reports/2024-q1.docx', 'reports/2024-q1.docx'],
      ['report', 'reports/2024-01/', 'reports/2024-01/index.html'],
      ['report-docx', 'reports/2024-01.docx', 'reports/2024-01.docx'],
      ['export-period', 'exports/p.2024-q1.json', 'exports/p.2024-q1.json'],
      ['export-period', 'exports/p.2024-01.json', 'exports/p.2024-01.json'],
      ['export-period', 'exports/q.2024-q1.json', 'exports/q.2024-q1.json'],
    ]);
    expect(staticPathsOf(pages, 'export-period')[0]).toEqual({ params: { plan: 'p', period: '2024-q1' } });
    expect(pages.findIndex((p) => p.route === 'report')).toBeLessThan(pages.findIndex((p) => p.route === 'plan'));
  });
});
