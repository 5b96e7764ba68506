import { describe, expect, it } from 'vitest';
import { importFixture, validate } from '../../fixtures/import/fixtures';

// Part of the seed plan in correct Vietnamese: II.1 a–b and II.3 a–c.
const result = importFixture('clean-plan.txt');
const task = (id: string) => result.tasks.find((t) => t.id === id)!;

describe('importing a clean Vietnamese plan', () => {
  it("finds its tasks and sections, keeping the plan's own numbering", () => {
    expect(result.tasks.map((t) => t.id)).toEqual(['II.1.a', 'II.1.b', 'II.3.a', 'II.3.b', 'II.3.c']);
    expect(result.plan.sections.map((s) => `${s.id} ${s.title}`)).toEqual([
      'I Mục đích, yêu cầu',
      'II Nội dung thực hiện',
      'II.1 Nhiệm vụ, giải pháp phát huy ưu điểm',
      'II.3 Giải pháp thực hiện đối với các nhiệm vụ lưu ý cần tập trung thực hiện trong năm 2024',
      'III Tổ chức thực hiện',
    ]);
  });

  it('takes the title from the lines after "KẾ HOẠCH"', () => {
    expect(result.plan.title).toBe(
      'Kế hoạch phát huy ưu điểm, khắc phục những hạn chế, khuyết điểm của tập thể Lãnh đạo Văn phòng UBND tỉnh trong năm 2023',
    );
    expect(result.plan.basis).toMatch(
      /^Căn cứ Kết luận số 2191-KL\/TU ngày 18\/3\/2024 .* với những nội dung trọng tâm sau:$/,
    );
  });

  it.each([
    [
      'II.1.a',
      'chanh-vp',
      'phong-hcqt;tt-pvhcc',
      '*',
      'Việc quán triệt chuyên đề năm 2024 thực hiện trong tháng 5/2024; các nhiệm vụ còn lại thực hiện thường xuyên trong năm 2024',
      '2024-05;ongoing',
    ],
    [
      'II.1.b',
      'lanh-dao-vp',
      'phong-th;phong-hcqt;ban-tcd;tt-pvhcc;tt-cbth',
      '',
      'Thường xuyên trong năm 2024',
      'ongoing',
    ],
    ['II.3.a', 'chanh-vp', 'phong-hcqt', '*', 'Quý II năm 2024', '2024-Q2'],
    ['II.3.b', 'lanh-dao-vp', 'phong-hcqt', '*', 'Quý II năm 2024', '2024-Q2'],
    ['II.3.c', 'chanh-vp', 'tt-pvhcc', '*', 'Quý II, III, IV năm 2024', '2024-Q2;2024-Q3;2024-Q4'],
  ])('%s', (id, directedBy, lead, support, timeline, due) => {
    expect(task(id)).toMatchObject({
      directed_by: directedBy,
      lead_units: lead,
      support_units: support,
      timeline,
      due,
    });
  });

  it("writes the content as Markdown paragraphs in the document's words", () => {
    expect(task('II.3.a')).toMatchObject({
      title: 'Tham mưu UBND tỉnh sửa đổi, bổ sung Quyết định số 41/2022/QĐ-UBND ngày 11/11/2022 của…',
      content:
        'Tham mưu UBND tỉnh sửa đổi, bổ sung Quyết định số 41/2022/QĐ-UBND ngày 11/11/2022 của UBND tỉnh ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng UBND tỉnh Quảng Ngãi.\n\n' +
        '**Biện pháp thực hiện:** Văn phòng trình UBND tỉnh đề nghị xây dựng quyết định sửa đổi, bổ sung Quyết định số 41/2022/QĐ-UBND tại Tờ trình số 436/TTr-VP ngày 12/3/2024 và được Chủ tịch UBND tỉnh chấp thuận tại Công văn số 2144/UBND-NC ngày 26/4/2024.',
    });
    expect(task('II.1.a').content.split('\n\n')).toHaveLength(2);
  });

  it('passes npm run validate as written', () => {
    expect(validate(result.plan, result.tasks)).toEqual([]);
  });
});
