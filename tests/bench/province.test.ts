import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateProvince,
  QUICK_SIZE,
  splitCount,
  type DataFiles,
  type ProvinceOptions,
} from '../../bench/lib/province';
import { createRandom, mulberry32 } from '../../bench/lib/random';
import { writeDataFiles } from '../../bench/node/bench';
import { countByStatus, evaluatePlan } from '../../src/lib/status/evaluate';
import { loadDataset } from '../../src/lib/data/load';
import { formatIssue } from '../../src/lib/data/problems';
import { DERIVED_STATUSES } from '../../src/lib/status/status';
import { loadSiteFromDisk } from '../../src/node/data/load-site';
import { memorySource } from '../support/memory-source';

const QUICK: ProvinceOptions = { ...QUICK_SIZE, seed: 7, year: 2024 };

/** Loads generated files with the project's loader, as if they were data/. */
function load(files: DataFiles) {
  const source = memorySource(Object.fromEntries(Object.entries(files).map(([path, text]) => [`data/${path}`, text])));
  return loadDataset(source, { root: 'data', buildDate: '2025-01-15' });
}

const quick = generateProvince(QUICK);
const loaded = load(quick);

describe('the seeded random source', () => {
  it('gives the same numbers for the same seed and others for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('samples distinct items and stays within int bounds', () => {
    const rng = createRandom(1);
    const sample = rng.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
    const ints = Array.from({ length: 200 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it.each([
    [10_000, 40],
    [1_000, 4],
    [7, 7],
  ])('splits %i tasks over %i plans, every plan getting some', (total, parts) => {
    const sizes = splitCount(createRandom(3), total, parts);
    expect(sizes).toHaveLength(parts);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });
});

describe('the synthetic province', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateProvince(QUICK)).toEqual(quick);
    expect(generateProvince({ ...QUICK, seed: 8 })['plans/2024-01-cchc/tasks.csv']).not.toEqual(
      quick['plans/2024-01-cchc/tasks.csv'],
    );
  });

  it('passes the project loader with no problem at all', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
    expect(loaded.dataset).toBeDefined();
  });

  it('has a tenth of the province in quick size: 4 plans, 1,000 tasks, 12 reports each, 6 units, 2 leaders', () => {
    const d = loaded.dataset!;
    expect(d.plans).toHaveLength(4);
    expect(d.plans.reduce((n, p) => n + p.tasks.length, 0)).toBe(1_000);
    expect(d.plans.reduce((n, p) => n + p.reports.length, 0)).toBe(12_000);
    expect(d.units).toHaveLength(6);
    expect(d.leaders).toHaveLength(2);
    for (const p of d.plans) {
      const perTask = new Map<string, number>();
      for (const r of p.reports) perTask.set(r.taskId, (perTask.get(r.taskId) ?? 0) + 1);
      expect([...new Set(perTask.values())]).toEqual([12]);
    }
  });

  it('puts tasks in every one of the five derived statuses, none of them rare', () => {
    const d = loaded.dataset!;
    const counts = countByStatus(d.plans.flatMap((p) => evaluatePlan(p, d.site.asOf).tasks));
    for (const status of DERIVED_STATUSES) expect(counts[status], status).toBeGreaterThan(50);
  });

  it('mixes due expressions: ongoing, quarters, months, dates and milestones', () => {
    const dues = loaded.dataset!.plans.flatMap((p) => p.tasks.map((t) => t.dueExpr));
    expect(dues).toContain('ongoing');
    expect(dues.some((d) => /^\d{4}-Q\d$/.test(d))).toBe(true);
    expect(dues.some((d) => /^\d{4}-\d{2}$/.test(d))).toBe(true);
    expect(dues.some((d) => /^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dues.some((d) => d.includes(';'))).toBe(true);
  });

  it('writes Vietnamese text in NFC, with sections numbered II.1 … under II', () => {
    const plan = loaded.dataset!.plans[0]!;
    expect(plan.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['I', 'II', 'II.1', 'III']));
    expect(plan.title).toMatch(/^Kế hoạch .+ năm 2024 của /);
    const task = plan.tasks[0]!;
    for (const text of [task.title, task.content, plan.reports[0]!.note, plan.title]) {
      expect(text.normalize('NFC')).toBe(text);
    }
    expect(Object.values(quick).join('')).toMatch(/Tham mưu|triển khai/);
  });

  it('adds archived years of the same size as older plans', () => {
    const files = generateProvince({ ...QUICK, archivedYears: 1 });
    const { dataset, issues } = load(files);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset!.plans.map((p) => p.year).sort()).toEqual([2023, 2023, 2023, 2023, 2024, 2024, 2024, 2024]);
    expect(dataset!.plans.filter((p) => p.year === 2023).reduce((n, p) => n + p.tasks.length, 0)).toBe(1_000);
    // The live year is the same with or without archives.
    expect(files['plans/2024-01-cchc/progress.csv']).toBe(quick['plans/2024-01-cchc/progress.csv']);
  });

  it('loads from disk once written to a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'province-'));
    try {
      // In a folder of its own, so the loader's archive/ beside it is inside the temporary folder too.
      writeDataFiles(join(dir, 'data'), quick);
      const { dataset, issues } = loadSiteFromDisk(join(dir, 'data'));
      expect(issues).toEqual([]);
      expect(dataset?.plans).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
