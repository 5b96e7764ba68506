import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForTest, E2E_BASE } from '../support/build-once';
import { GOLDEN_DIR, goldenOf, isGoldenFile, listGolden } from '../support/golden';
import { INLINE_SCRIPTS } from '../../src/lib/site/inline-scripts';
import { cspProblems } from '../../src/lib/serve/csp';

const PLAN = '2024-khac-phuc';
// The names of the Office Open XML formats' namespaces, in the task list's workbook writer: names, never fetched.
const XML_NAMESPACE =
  /^http:\/\/(?:schemas\.openxmlformats\.org\/|purl\.org\/dc\/(?:elements\/1\.1|terms)\/$|www\.w3\.org\/2001\/XMLSchema-instance$)/;

/** Every file under dir, as paths relative to it with forward slashes. */
function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

/** The values of every href and src attribute in a page. */
function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The site URL of a built file, e.g. `plans/x/index.html` → `/ke-hoach/plans/x/`. */
function urlOf(file: string): string {
  return E2E_BASE + file.replace(/index\.html$/, '');
}

/** The built file a site URL points at, or undefined when it leaves the base. */
function fileOf(url: URL): string | undefined {
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(E2E_BASE)) return undefined;
  const inside = path.slice(E2E_BASE.length);
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}

/** The scripts a page loads, and what those import in turn (Vite chunks). */
function scriptsOf(dist: string, html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => fileOf(new URL(m[1]!, 'http://x'))!);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+)["']/g)) queue.push(file.replace(/[^/]+$/, m[1]!));
  }
  return [...seen];
}

describe('the built site under /ke-hoach/ (default data)', () => {
  let dist: string;
  let files: string[];
  let pages: string[];
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');

  beforeAll(async () => {
    dist = await buildForTest();
    files = walk(dist);
    pages = files.filter((f) => f.endsWith('.html'));
  });
  afterAll(() => rmSync(join(dist, '..'), { recursive: true, force: true }));

  it.each([
    ['the dashboard', 'index.html'],
    ['a plan', `plans/${PLAN}/index.html`],
    ['a section', `plans/${PLAN}/sections/II.3/index.html`],
    ['a task', `plans/${PLAN}/tasks/II.3.b/index.html`],
    ['the task index', 'tasks/index.html'],
    ['the units list', 'units/index.html'],
    ['a unit', 'units/hcqt/index.html'],
    ['the leaders list', 'leaders/index.html'],
    ['a leader', 'leaders/chanh-vp/index.html'],
  ])('has %s page', (_name, file) => {
    expect(files).toContain(file);
  });

  it('has a page for every section, task, unit and leader of the default data', () => {
    expect(pages.filter((f) => f.startsWith(`plans/${PLAN}/sections/`))).toHaveLength(6);
    expect(pages.filter((f) => f.startsWith(`plans/${PLAN}/tasks/`))).toHaveLength(12);
    expect(pages.filter((f) => /^units\/[^/]+\/index\.html$/.test(f))).toHaveLength(8);
    expect(pages.filter((f) => /^leaders\/[^/]+\/index\.html$/.test(f))).toHaveLength(4);
  });

  it('has no broken internal link: every href and src resolves to a built file, and every #anchor exists', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const html = read(page);
      const base = new URL(urlOf(page), 'http://intranet');
      for (const link of links(html)) {
        const url = new URL(link, base);
        if (url.origin !== base.origin) continue; // external links are the next test's business
        const target = fileOf(url);
        if (!target || !existsSync(join(dist, target))) broken.push(`${page}: ${link}`);
        else if (url.hash && !read(target).includes(`id="${decodeURIComponent(url.hash.slice(1))}"`))
          broken.push(`${page}: ${link} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has no external URL anywhere (http://, https:// or protocol-relative //)', () => {
    const found: string[] = [];
    for (const file of files) {
      if (!/\.(html|css|js|json|csv|svg|txt|xml|webmanifest)$/.test(file)) continue;
      const text = read(file);
      for (const m of text.matchAll(/https?:\/\/[^\s"'<>)]*|(?<=["'(=,\s])\/\/[a-z0-9][^\s"'<>)]*/gi))
        if (!XML_NAMESPACE.test(m[0])) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('links the pages to each other: dashboard → plan → section → task → unit and leader → task', () => {
    const linksOf = (file: string) => links(read(file));
    expect(linksOf('index.html')).toContain(`${E2E_BASE}plans/${PLAN}/`);
    expect(linksOf('index.html')).toContain(`${E2E_BASE}plans/${PLAN}/tasks/II.3.b/`);
    expect(linksOf(`plans/${PLAN}/index.html`)).toContain(`${E2E_BASE}plans/${PLAN}/sections/II.3/`);
    expect(linksOf(`plans/${PLAN}/sections/II.3/index.html`)).toContain(`${E2E_BASE}plans/${PLAN}/tasks/II.3.b/`);
    const task = linksOf(`plans/${PLAN}/tasks/II.3.b/index.html`);
    expect(task).toEqual(
      expect.arrayContaining([
        `${E2E_BASE}units/hcqt/`,
        `${E2E_BASE}leaders/lanh-dao-vp/`,
        `${E2E_BASE}plans/${PLAN}/sections/II.3/`,
      ]),
    );
    expect(linksOf('units/index.html')).toContain(`${E2E_BASE}units/hcqt/`);
    expect(linksOf('units/hcqt/index.html')).toContain(`${E2E_BASE}plans/${PLAN}/tasks/II.3.b/`);
    expect(linksOf('leaders/index.html')).toContain(`${E2E_BASE}leaders/lanh-dao-vp/`);
    expect(linksOf('leaders/lanh-dao-vp/index.html')).toContain(`${E2E_BASE}plans/${PLAN}/tasks/II.3.b/`);
  });

  it('loads chart code on chart pages only: never on task pages or the task index', () => {
    const isChartCode = (file: string) => read(file).includes('Chart.js v');
    const chartPages = pages.filter((p) => scriptsOf(dist, read(p)).some(isChartCode));
    expect(chartPages).toEqual(
      expect.arrayContaining([
        'index.html',
        `plans/${PLAN}/index.html`,
        'units/index.html',
        'units/hcqt/index.html',
        'leaders/chanh-vp/index.html',
      ]),
    );
    expect(chartPages.filter((p) => p.startsWith(`plans/${PLAN}/tasks/`) || p === 'tasks/index.html')).toEqual([]);
    for (const page of chartPages) expect(read(page), page).toContain('<status-chart');
  });

  it('needs nothing the Content-Security-Policy forbids: no inline style, no inline script but the hashed head script', () => {
    expect(pages.flatMap((p) => cspProblems(read(p), INLINE_SCRIPTS).map((m) => `${p}: ${m}`))).toEqual([]);
    expect(pages.every((p) => read(p).includes(`<script>${INLINE_SCRIPTS[0]}</script>`))).toBe(true);
  });

  it('embeds chart data as JSON that parses and holds no raw "<"', () => {
    const blocks = pages.flatMap((p) =>
      [...read(p).matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const json of blocks) {
      expect(json).not.toContain('<');
      expect(JSON.parse(json)).toHaveProperty('kind');
    }
  });

  it('shows the dashboard lists of the seed data: the overdue task, no task due within 30 days, two silent units', () => {
    const html = read('index.html');
    const overdue = html.slice(html.indexOf('id="qua-han"'), html.indexOf('id="den-han"'));
    expect(overdue).toContain('II.3.b');
    expect(overdue).toContain('153 ngày');
    expect(html).toContain('Không có nhiệm vụ nào đến hạn trong 30 ngày tới');
    const stale = html.slice(html.indexOf('id="chua-bao-cao"'), html.indexOf('id="ke-hoach"'));
    expect(stale).toContain('Phòng Khoa giáo - Văn xã');
    expect(stale).toContain('28/08/2024');
    expect(stale).toContain('Trung tâm Công báo và Tin học');
    expect(stale).not.toContain('Phòng Hành chính - Quản trị');
  });

  it("is byte for byte the site Astro's own static build writes from the same code and data", async () => {
    // The build renders pages itself with Astro's app (src/node/build/render-pages.ts); PLAN_BUILD_RENDERER=astro has a
    // plain `astro build` render them with Astro's static generator. Same files, same bytes: the render threads
    // only change how fast the site is made.
    const astroDist = await buildForTest(undefined, E2E_BASE, { renderer: 'astro' });
    try {
      const astroFiles = walk(astroDist);
      expect(files.slice().sort()).toEqual(astroFiles.slice().sort());
      const differing = astroFiles.filter(
        (file) => !readFileSync(join(astroDist, file)).equals(readFileSync(join(dist, file))),
      );
      expect(differing).toEqual([]);
    } finally {
      rmSync(join(astroDist, '..'), { recursive: true, force: true });
    }
  }, 120_000);

  it('matches the golden output (tests/golden/default): pages, exports (workbooks as the text of their cells) and stylesheet, asset hashes masked', async () => {
    const built = files.filter(isGoldenFile).map((file) => goldenOf(file, readFileSync(join(dist, file))));
    const golden = existsSync(GOLDEN_DIR) ? listGolden(GOLDEN_DIR) : [];
    // A file the build no longer writes must leave the golden output too (delete it there).
    expect(golden.filter((file) => !built.some((b) => b.file === file))).toEqual([]);
    for (const { file, content } of built)
      await expect(content).toMatchFileSnapshot(join('..', 'golden', 'default', file));
  });
});
