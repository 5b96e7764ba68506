import { describe, expect, it } from 'vitest';
import { importFixture, validate } from '../../fixtures/import/fixtures';

// The real plan, as OCR gave it (tests/fixtures/import/seed-plan.txt is a copy of /work/shared/seed/000_79b960fbfa1c6723.txt).
const result = importFixture('seed-plan.txt');
const task = (id: string) => result.tasks.find((t) => t.id === id)!;
const ALL = 'phong-th;phong-hcqt;ban-tcd;tt-pvhcc;tt-cbth';

describe('importing the seed plan (OCR text)', () => {
  it('finds the twelve tasks of part II', () => {
    expect(result.tasks.map((t) => t.id)).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.2.a',
      'II.2.b',
      'II.2.c',
      'II.2.d',
      'II.3.a',
      'II.3.b',
      'II.3.c',
      'II.3.d',
    ]);
    expect(result.tasks.map((t) => t.section)).toEqual([
      ...Array(4).fill('II.1'),
      ...Array(4).fill('II.2'),
      ...Array(4).fill('II.3'),
    ]);
  });

  it('finds sections I, II, II.1, II.2, II.3 and III, with I and III as text', () => {
    expect(result.plan.sections.map((s) => [s.id, s.parent ?? null, s.summary !== undefined])).toEqual([
      ['I', null, true],
      ['II', null, false],
      ['II.1', 'II', false],
      ['II.2', 'II', false],
      ['II.3', 'II', false],
      ['III', null, true],
    ]);
    const [partI, , , , , partIII] = result.plan.sections;
    expect(partI!.summary).toMatch(/^### 1\. Muc dich\n\n- Khéc phuc kip thoi/);
    expect(partI!.summary).toContain('\n\n### 2. Yéu ciu\n\n- Qué trinh');
    expect(partIII!.summary).toMatch(
      /^1\. Tap thé Lanh dao .* trong nam 2023\.\n2\. Cac phong, ban, don vi truc thudc .* chi dao\.$/s,
    );
  });

  it('reads the year from the timelines, the title from the heading lines and the basis from "Căn cứ"', () => {
    expect(result.plan.year).toBe(2024);
    expect(result.yearSource).toBe('timelines');
    expect(result.plan.title).toBe(
      'Phat huy wu diém, khic phuc nhing han ché, khuyét diém ctia tip thé Lanh dao Vin phong UBND tinh trong nim 2023',
    );
    expect(result.plan.basis).toMatch(/^Céan cu Két luan so 2191-KL\/TU .* trong tam sau:$/);
  });

  it.each([
    ['II.1.a', 'chanh-vp', 'phong-hcqt;tt-pvhcc', '*', '2024-05;ongoing'],
    ['II.1.b', 'lanh-dao-vp', ALL, '', 'ongoing'],
    ['II.1.c', 'chanh-vp', 'phong-hcqt;tt-pvhcc', '*', 'ongoing'],
    ['II.1.d', 'chanh-vp', 'tt-pvhcc', '*', 'ongoing'],
    ['II.2.a', 'lanh-dao-vp', ALL, '', 'ongoing'],
    ['II.2.b', 'pcvp-ban-tcd', 'ban-tcd', '', 'ongoing'],
    ['II.2.c', 'lanh-dao-vp', ALL, '', 'ongoing'],
    ['II.2.d', 'lanh-dao-vp', 'phong-hcqt', '*', 'ongoing'],
    ['II.3.a', 'chanh-vp', 'phong-hcqt', '*', '2024-Q2'],
    ['II.3.b', 'lanh-dao-vp', 'phong-hcqt', '*', '2024-Q2'],
    ['II.3.c', 'chanh-vp', 'tt-pvhcc', '*', '2024-Q2;2024-Q3;2024-Q4'],
    ['II.3.d', 'pcvp-ban-tcd', 'ban-tcd', '*', '2024-Q4'],
  ])('%s: directed by %s, led by %s, supported by "%s", due %s', (id, directedBy, lead, support, due) => {
    expect(task(id)).toMatchObject({ directed_by: directedBy, lead_units: lead, support_units: support, due });
  });

  it('keeps the OCR wording of the timeline and content, and puts the measures under their label', () => {
    expect(task('II.3.c').timeline).toBe('Quy II, ITI, IV nidm 2024');
    expect(task('II.2.b').content).toMatch(
      /^Cong tac theo ddi, don d6c .* toan dién\.\n\n\*\*Biện pháp khắc phục:\*\* Tiép tuc cing cb/s,
    );
    expect(task('II.3.a').content).toContain('Quyét dinh sb 41/2022/QP-UBND ngay 11/11/2022');
    expect(task('II.3.a').content).toContain('\n\n**Biện pháp thực hiện:** Van phong trinh UBND tinh');
    expect(task('II.1.a').content).not.toContain('Chi dao thuc');
  });

  it('gives every task a title of at most 90 characters from its first sentence', () => {
    for (const t of result.tasks) expect(t.title.length).toBeLessThanOrEqual(90);
    expect(task('II.2.c').title).toBe('Ky luét, ky cuong hanh chinh c6 lic thuc hién chua nghiém ttc');
    expect(task('II.1.a').title).toBe(
      'Thuong xuyén, tang cudng cbng tac gido duc chinh tri tu tudng thong qua viéc phd bién…',
    );
  });

  it('lists what the person must check: tasks with no "Phối hợp thực hiện", leaders named among units', () => {
    const checks = result.issues.map((i) => `${i.line} ${i.level} ${i.code}: ${i.message}`);
    expect(checks).toContain(
      '67 warning missing-field: II.1.b: no "Phối hợp thực hiện" found; support_units left empty',
    );
    expect(checks).toContain(
      '60 warning leader-not-unit: II.1.a: support_units "Cac Phé Chanh Van phong" is a leader (cac-pho-chanh-vp), not a unit; left out',
    );
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('passes npm run validate as written', () => {
    expect(validate(result.plan, result.tasks)).toEqual([]);
  });
});
