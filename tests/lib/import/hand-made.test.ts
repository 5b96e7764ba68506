import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/lib/import/report';
import { importFixture, validate } from '../../fixtures/import/fixtures';

// A small plan using every label ("Đơn vị chủ trì", "Biện pháp khắc phục", "Biện pháp thực hiện" …), with names
// that match nothing, a timeline with no date, an item missing its fields and a line that is no field.
const result = importFixture('labels-plan.txt');
const task = (id: string) => result.tasks.find((t) => t.id === id)!;

describe('importing a hand-made plan', () => {
  it('reads the number, the date issued and the title from the heading lines', () => {
    expect(result.plan).toMatchObject({
      year: 2024,
      title: 'Kế hoạch thử nghiệm nhập kế hoạch từ văn bản',
      number: '12/KH-VP',
      issued_on: '2024-04-15',
      basis: 'Căn cứ Quyết định số 1/QĐ-VP ngày 2/1/2024 của Văn phòng thử nghiệm.',
    });
  });

  it('reads every label into its column', () => {
    expect(result.tasks.map((t) => [t.id, t.directed_by, t.lead_units, t.support_units, t.due])).toEqual([
      ['II.1.a', 'chanh-vp', 'phong-th', 'ban-tcd;?Phòng Tài vụ', '2024-06-30'],
      ['II.1.b', '?Chủ tịch UBND tỉnh', 'phong-th;phong-hcqt;ban-tcd;tt-pvhcc;tt-cbth', '', '2024-05'],
      ['II.1.c', 'lanh-dao-vp', 'tt-cbth', '*', '2024-Q2;2024-Q3;2024-Q4'],
      ['II.1.d', 'chanh-vp', 'phong-hcqt', '', ''],
      ['II.1.đ', '', '', '', 'ongoing'],
    ]);
    expect(task('II.1.b').content).toBe(
      'Cải cách hành chính có lúc chưa đạt yêu cầu.\n\n**Biện pháp khắc phục:** Rà soát quy trình, rút ngắn thời gian xử lý hồ sơ.',
    );
    expect(task('II.1.c').content).toBe(
      'Xây dựng đề án số hóa hồ sơ lưu trữ.\n\n**Biện pháp thực hiện:** Khảo sát hiện trạng, lập dự toán.\n\n- Ghi chú thêm cho người xem.',
    );
    expect(task('II.1.a')).toMatchObject({
      title: 'Rà soát quy chế làm việc',
      content: 'Rà soát quy chế làm việc. Cập nhật theo quy định mới.',
    });
  });

  it('lists each name that matched nothing, each field not found and each timeline not understood, by line', () => {
    expect(result.issues.map((i) => `${i.line} ${i.level}: ${i.message}`)).toEqual([
      '18 error: II.1.a: support_units "Phòng Tài vụ" matches no unit in units.csv; written as "?Phòng Tài vụ"',
      '20 warning: II.1.b: no "Phối hợp thực hiện" found; support_units left empty',
      '22 error: II.1.b: directed_by "Chủ tịch UBND tỉnh" matches no leader in leaders.csv; written as "?Chủ tịch UBND tỉnh"',
      '31 warning: II.1.c: "Ghi chú thêm cho người xem" matches no field label; kept in the content',
      '32 warning: II.1.d: no "Phối hợp thực hiện" found; support_units left empty',
      '35 error: II.1.d: timeline "Khi có chỉ đạo của cấp trên" names no date, month, quarter or "thường xuyên" (ongoing); due left empty',
      '36 warning: II.1.đ: no "Chỉ đạo thực hiện" found; directed_by left empty',
      '36 error: II.1.đ: no "Đơn vị tham mưu thực hiện / Đơn vị chủ trì" found; lead_units left empty',
      '36 warning: II.1.đ: no "Phối hợp thực hiện" found; support_units left empty',
    ]);
  });

  it('prints the names to add once each, with the tasks they appear in', () => {
    const report = formatReport({
      ...result,
      input: 'labels-plan.txt',
      unitsFile: 'units.csv',
      leadersFile: 'leaders.csv',
    });
    expect(report.slice(0, 2)).toEqual([
      'Read labels-plan.txt: 4 section(s), 5 task(s); plan year 2024 (read from the timelines; use --year to change it).',
      'Title: Kế hoạch thử nghiệm nhập kế hoạch từ văn bản',
    ]);
    expect(report.find((l) => l.startsWith('  II.1.đ |'))).toMatch(
      /^ {2}II\.1\.đ \| Theo dõi việc thực hiện kế hoạch +\| - +\| ongoing$/,
    );
    const names = report.indexOf(
      'Names that match nothing, written as "?name": add them to units.csv or leaders.csv (or run again with --add-units), or correct the cell:',
    );
    expect(report.slice(names + 1, names + 3)).toEqual([
      '  unit "Phòng Tài vụ": II.1.a',
      '  leader "Chủ tịch UBND tỉnh": II.1.b',
    ]);
    expect(report.filter((l) => l.includes('matches no unit'))).toEqual([]);
  });

  it('is rejected by npm run validate until the person fills in what was flagged, then accepted', () => {
    const codes = validate(result.plan, result.tasks).map((i) => `${i.field} ${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'support_units unknown-unit',
        'directed_by unknown-leader',
        'due invalid-value',
        'lead_units invalid-value',
      ]),
    );
    const fixed = result.tasks.map((t) => ({
      ...t,
      directed_by: t.directed_by.replace('?Chủ tịch UBND tỉnh', 'chanh-vp'),
      support_units: t.support_units.replace(';?Phòng Tài vụ', ''),
      due: t.due || '2024-12',
      lead_units: t.lead_units || 'phong-th',
    }));
    expect(validate(result.plan, fixed)).toEqual([]);
  });

  it('uses --year over the year in the timelines', () => {
    expect(importFixture('labels-plan.txt', 2025).plan.year).toBe(2025);
  });
});
