import { describe, expect, it } from 'vitest';
import {
  clipText,
  describeArchive,
  describeCounts,
  describeHome,
  describeLeader,
  describeLeaders,
  describePlan,
  describeSection,
  describeTask,
  describeTaskIndex,
  describeUnit,
  describeUnits,
  describeUpdates,
} from '../../../src/lib/site/page-descriptions';
import type { StatusCounts } from '../../../src/lib/status/evaluate';

const counts: StatusCounts = { overdue: 1, in_progress: 8, not_started: 0, done_late: 0, done_on_time: 3 };
const none: StatusCounts = { overdue: 0, in_progress: 0, not_started: 0, done_late: 0, done_on_time: 0 };

describe('page descriptions', () => {
  it.each([
    ['short text stays', 'Kế hoạch cải cách', 40, 'Kế hoạch cải cách'],
    ['spaces and line breaks fold', '  Kế hoạch\n  cải   cách ', 40, 'Kế hoạch cải cách'],
    [
      'cut at a word boundary',
      'Rà soát, hoàn thiện quy định về thủ tục hành chính',
      30,
      'Rà soát, hoàn thiện quy định…',
    ],
    ['no dangling comma', 'Rà soát, hoàn thiện', 10, 'Rà soát…'],
    ['one long word is cut inside', 'Aaaaaaaaaaaaaaaaaaaa', 10, 'Aaaaaaaaa…'],
  ])('clipText: %s', (_name, text, max, expected) => {
    expect(clipText(text, max)).toBe(expected);
    expect(clipText(text, max).length).toBeLessThanOrEqual(max);
  });

  it('counts tasks by status in a sentence, leaving out the statuses no task has', () => {
    expect(describeCounts(counts)).toBe('12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn');
    expect(describeCounts(none)).toBe('0 nhiệm vụ');
  });

  it('describes every page type from its own figures', () => {
    const title = 'Kế hoạch khắc phục hạn chế, yếu kém trong thực hiện nhiệm vụ năm 2024 của Văn phòng';
    expect([
      describeHome({ organization: 'Văn phòng UBND tỉnh', plans: 1, counts, asOf: '2024-11-30' }),
      describePlan({ title, sections: 6, counts, asOf: '2024-11-30' }),
      describeSection({ id: 'II.3', title: 'Công tác tham mưu', plan: title, counts }),
      describeTask({
        id: 'II.3.b',
        title: 'Rà soát quy định',
        status: 'overdue',
        leadUnits: ['P.HCQT', 'P.TH'],
        due: '2024-06-30',
      }),
      describeTask({ id: 'I.1', title: 'Họp', status: 'in_progress', leadUnits: [], due: undefined }),
      describeTaskIndex({ tasks: 12, plans: 1 }),
      describeUnits({ units: 8, counts }),
      describeUnit({ name: 'Phòng Tổng hợp', led: counts, supported: 2, lastReport: '2024-11-15' }),
      describeUnit({ name: 'Phòng Tổng hợp', led: none, supported: 0, lastReport: undefined }),
      describeLeaders({ leaders: 4 }),
      describeLeader({ title: 'Chánh Văn phòng', counts }),
      describeUpdates({ releases: 3 }),
      describeUpdates({ releases: 0 }),
      describeArchive({ years: [2023, 2022] }),
      describeArchive({ years: [] }),
    ]).toMatchInlineSnapshot(`
      [
        "Tiến độ thực hiện 1 kế hoạch của Văn phòng UBND tỉnh, 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn; số liệu tính đến ngày 30/11/2024.",
        "Kế hoạch khắc phục hạn chế, yếu kém trong thực hiện nhiệm vụ năm 2024 của Văn phòng: 6 mục, 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn; tình trạng tính đến ngày 30/11/2024.",
        "Mục II.3. Công tác tham mưu (Kế hoạch khắc phục hạn chế, yếu kém trong thực hiện nhiệm vụ năm 2024 của Văn…): 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn.",
        "Nhiệm vụ II.3.b. Rà soát quy định. Đơn vị tham mưu: P.HCQT, P.TH. Tình trạng: quá hạn, hạn cuối 30/06/2024.",
        "Nhiệm vụ I.1. Họp. Tình trạng: đang thực hiện.",
        "Danh sách 12 nhiệm vụ của 1 kế hoạch: lọc theo kế hoạch, mục, tình trạng, đơn vị, lãnh đạo chỉ đạo và thời hạn, tìm kiếm có dấu hay không dấu, tải về tệp CSV.",
        "8 đơn vị tham mưu thực hiện kế hoạch, 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn; số nhiệm vụ chủ trì, phối hợp, quá hạn và ngày báo cáo gần nhất của từng đơn vị.",
        "Phòng Tổng hợp chủ trì 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn; phối hợp 2 nhiệm vụ; báo cáo gần nhất ngày 15/11/2024.",
        "Phòng Tổng hợp chủ trì 0 nhiệm vụ; phối hợp 0 nhiệm vụ; chưa có báo cáo tiến độ.",
        "4 lãnh đạo chỉ đạo thực hiện kế hoạch, số nhiệm vụ và tình trạng các nhiệm vụ mỗi lãnh đạo chỉ đạo.",
        "Chánh Văn phòng chỉ đạo 12 nhiệm vụ: 1 quá hạn, 8 đang thực hiện, 3 hoàn thành đúng hạn.",
        "Những thay đổi qua 3 lần cập nhật số liệu gần nhất: nhiệm vụ đổi tình trạng và báo cáo tiến độ mới.",
        "Những thay đổi qua các lần cập nhật số liệu: nhiệm vụ đổi tình trạng và báo cáo tiến độ mới.",
        "Kế hoạch của các năm đã chốt số liệu (2023, 2022), giữ nguyên tình trạng nhiệm vụ tại ngày chốt; tải dữ liệu từng kế hoạch.",
        "Kế hoạch của các năm đã chốt số liệu; chưa có năm nào được lưu trữ.",
      ]
    `);
  });
});
