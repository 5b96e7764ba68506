import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../src/lib/data/due';
import { timelineToDue } from '../../../src/lib/import/timeline';

describe('timelineToDue: clean wording', () => {
  it.each([
    ['Thường xuyên trong năm 2024', 'ongoing'],
    ['Quý II năm 2024', '2024-Q2'],
    ['Quý IV năm 2024', '2024-Q4'],
    ['Quý II, III, IV năm 2024', '2024-Q2;2024-Q3;2024-Q4'],
    ['Quý 2/2024', '2024-Q2'],
    ['Từ Quý II đến Quý IV năm 2024', '2024-Q2;2024-Q3;2024-Q4'],
    ['trong tháng 5/2024', '2024-05'],
    ['Tháng 9 năm 2024', '2024-09'],
    ['trong tháng 11', '2024-11'],
    ['trước tháng 6/2024', '2024-05'],
    ['trước ngày 30/6/2024', '2024-06-30'],
    ['Hoàn thành trước ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['6 tháng đầu năm 2024', '2024-06'],
    ['6 tháng cuối năm', '2024-12'],
    ['Trong năm 2024', '2024-12'],
    ['Hằng năm', 'ongoing'],
    ['Liên tục', 'ongoing'],
    [
      'Việc quán triệt chuyên đề năm 2024 thực hiện trong tháng 5/2024; các nhiệm vụ còn lại thực hiện thường xuyên trong năm 2024',
      '2024-05;ongoing',
    ],
    [
      'Thường xuyên trong năm 2024 và triển khai thực hiện việc kiểm tra theo kế hoạch UBND tỉnh đã ban hành',
      'ongoing',
    ],
    ['Quý IV năm 2024; báo cáo sơ kết trước ngày 15/3/2024', '2024-03-15;2024-Q4'],
    ['trước ngày 31/12/2024 và thường xuyên', '2024-12-31;ongoing'],
    // The wording real plans use (issue 17).
    ['2024 - 2025', '2025-12'],
    ['Năm 2024 - 2025', '2025-12'],
    ['2025–2030', '2030-12'],
    ['Giai đoạn 2025-2030', '2030-12'],
    ['Từ năm 2024 đến năm 2026', '2026-12'],
    ['Hàng năm', 'ongoing'],
    ['Hằng năm, giai đoạn 2025 - 2030', 'ongoing;2030-12'],
    ['Thường xuyên', 'ongoing'],
    ['trước ngày 01/01/2030', '2030-01-01'],
    ['Hoàn thành trước ngày 15/10/2025', '2025-10-15'],
    ['xong trong tháng 6/2025', '2025-06'],
    ['Quý III, IV/2026', '2026-Q3;2026-Q4'],
    ['Quý IV/2025', '2025-Q4'],
    ['hoàn thành trong quý IV năm 2026', '2026-Q4'],
    ['2025', '2025-12'],
    ['Tháng 12/2025', '2025-12'],
    // A later year the other rules left is the final deadline.
    ['Khởi động quý IV/2024; báo cáo quý II/2025; cập nhật hằng quý đến 2030', '2024-Q4;ongoing;2025-Q2;2030-12'],
    ['Hoàn thành năm 2025; 80% năm 2027; vào khai thác trước 2030', '2029-12'],
  ])('%s → %s', (timeline, due) => {
    expect(timelineToDue(timeline, 2024)).toEqual({ ok: true, due });
  });
});

describe('timelineToDue: OCR wording from the seed', () => {
  it.each([
    ['Thudng xuyén trong ndm 2024.', 'ongoing'],
    ['Thudong xuyén trong nam 2024.', 'ongoing'],
    ['Quy Il nam 2024.', '2024-Q2'],
    ['Quy II, ITI, IV nidm 2024.', '2024-Q2;2024-Q3;2024-Q4'],
    [
      'Viéc quén triét chuyén d& nim 2024 thuc hién trong thang 5/2024; cac nhiém vu con lai thuc hién thuong xuyén trong nam 2024.',
      '2024-05;ongoing',
    ],
  ])('%s → %s', (timeline, due) => {
    expect(timelineToDue(timeline, 2024)).toEqual({ ok: true, due });
  });
});

describe('timelineToDue: what it produces', () => {
  it('always gives an expression parseDue accepts, milestones in date order', () => {
    for (const t of [
      'Quý IV năm 2024; trong tháng 2/2024',
      'thường xuyên; trước ngày 1/7/2024',
      'Quý I, II năm 2025',
    ]) {
      const result = timelineToDue(t, 2024);
      expect(result.ok).toBe(true);
      if (result.ok) expect(parseDue(result.due, 2024).ok).toBe(true);
    }
  });

  it('says so when the wording names no time', () => {
    expect(timelineToDue('Khi có chỉ đạo của cấp trên', 2024)).toEqual({
      ok: false,
      message: 'names no date, month, quarter or "thường xuyên" (ongoing)',
    });
  });

  it('refuses a day that does not exist instead of reading its month', () => {
    expect(timelineToDue('trước ngày 31/2/2024', 2024)).toEqual({
      ok: false,
      message: 'names "31/2/2024", not a day that exists',
    });
  });
});
