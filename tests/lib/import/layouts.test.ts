import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/csv';
import { htmlToText } from '../../../src/lib/import/html-text';
import { importPlan } from '../../../src/lib/import/plan';
import { makeGroupPatterns } from '../../../src/lib/import/names';
import { fixture, fixtureRefs } from '../../fixtures/import/fixtures';

const groups = makeGroupPatterns(
  parseCsv('unit-groups.csv', fixture('unit-groups.csv')).table.rows.map((r) => String(r.cells.phrase)),
);

/** Imports a fixture with the fixture units, leaders and unit groups; the row cells that say who does what by when. */
function read(name: string) {
  const result = importPlan(fixture(name), {
    file: name,
    refs: { ...fixtureRefs(), groups },
    unitsFile: 'units.csv',
    leadersFile: 'leaders.csv',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return {
    ...result,
    rows: result.tasks.map((t) => [t.id, t.section, t.title, t.lead_units, t.support_units, t.due].join(' | ')),
  };
}

describe('an appendix task table (pipe rows, as a .docx gives it)', () => {
  const r = read('appendix-plan.txt');

  it('reads its group rows as sections and its rows as tasks, joining a cell continued on the next row', () => {
    expect(r.plan.sections.map((s) => `${s.id} ${s.parent ?? '-'} ${s.title}`).slice(3)).toEqual([
      'PL - Danh mục nhiệm vụ triển khai chỉ thị',
      'PL.I PL Nhiệm vụ chung',
      'PL.II PL Nhiệm vụ cụ thể',
    ]);
    expect(r.rows).toEqual([
      'PL.I.1 | PL.I | Tuyên truyền, phổ biến Chỉ thị | ?Sở Văn hóa, Thể thao và Du lịch | * | ongoing',
      'PL.I.2 | PL.I | Rà soát văn bản quy phạm pháp luật | ?Sở Tư pháp | * | 2026-Q3;2026-Q4',
      'PL.II.3 | PL.II | Xây dựng cơ sở dữ liệu đất đai và kết nối với hệ thống quốc gia | ?Sở Nông nghiệp và Môi trường | ?Sở Tài chính | 2026-12',
      'PL.II.4 | PL.II | Sơ kết việc thực hiện Chỉ thị | ?Sở Nội vụ | * | 2030-01-01',
    ]);
    expect(r.tasks[0]!.content).toBe('Tuyên truyền, phổ biến Chỉ thị\n\n**Sản phẩm:** Kế hoạch tuyên truyền');
  });

  it('keeps a date inside the title, reads the range of years, the number and the date issued', () => {
    expect(r.plan).toMatchObject({
      year: 2025,
      end_year: 2030,
      number: '45/KH-UBND',
      issued_on: '2025-03-10',
      title:
        'Kế hoạch triển khai Chỉ thị số 13/CT-TTg ngày 02 tháng 5 năm 2024 của Thủ tướng Chính phủ giai đoạn 2025 - 2030',
    });
  });

  it('does not fold the appendix into the last section', () => {
    expect(r.plan.sections.find((s) => s.id === 'III')!.summary).toBe(
      'Các cơ quan báo cáo kết quả về Sở Nội vụ trước ngày 15/12 hằng năm.',
    );
  });
});

describe('tables pasted from Word or a PDF', () => {
  it.each(['tab-rows.txt', 'cell-lines.txt'])('%s', (name) => {
    const r = read(name);
    expect(r.rows[0]).toBe(
      'PL.1 | PL | Rà soát quy trình' + (name === 'tab-rows.txt' ? '' : ' nội bộ') + ' | phong-th | ban-tcd | 2025-Q2',
    );
    expect(r.rows).toHaveLength(2);
  });

  it('warns about a table it saw but did not use', () => {
    const text = `${fixture('prose-plan.txt')}\n| Chỉ tiêu | Năm 2025 | Năm 2026 |\n| Tỷ lệ | 50% | 60% |\n`;
    const result = importPlan(text, { file: 'p.txt', refs: fixtureRefs(), unitsFile: 'u', leadersFile: 'l' });
    expect(result.ok && result.issues.find((i) => i.code === 'unused-table')).toMatchObject({
      line: 21,
      level: 'warning',
      message: expect.stringContaining('a table of 2 rows was seen but not read as tasks'),
    });
  });
});

describe('assignments written as sentences', () => {
  const r = read('prose-plan.txt');

  it('reads "X chủ trì, phối hợp với Y … hoàn thành trong …" and leaves items with no assignment as text', () => {
    expect(r.rows).toEqual([
      'II.1 | II | Cải tạo vỉa hè các tuyến phố chính | ?UBND phường Thử Nghiệm | ?Sở Xây dựng;?Sở Tài chính | 2026-Q4',
      'II.2 | II | Lắp đặt đèn chiếu sáng | ?Công an phường | ?Ban Quản lý dự án | 2026-06',
    ]);
    expect(r.issues.some((i) => i.message.includes('Chỉ đạo thực hiện tốt'))).toBe(false);
    expect(r.plan.sections.map((s) => s.id)).toEqual(['I', 'II', 'III']);
    expect(r.plan.sections[1]!.summary).toBe(
      '3. Phát huy vai trò của Nhân dân trong giữ gìn cảnh quan.\n\n- Chỉ đạo thực hiện tốt công tác vận động.',
    );
  });
});

describe('sections per unit', () => {
  it('makes the duties tasks of their unit when the plan lists no other task', () => {
    const r = read('duties-plan.txt');
    expect(r.rows).toEqual([
      'II.1.1 | II.1 | Chủ trì hướng dẫn doanh nghiệp tham gia sàn thương mại điện tử; hoàn thành trong quý II… | ?Sở Công Thương |  | 2025-Q2',
      'II.1.2 | II.1 | Tổng hợp, báo cáo kết quả trước ngày 15/12/2025 | ?Sở Công Thương |  | 2025-12-15',
      'II.2.1 | II.2 | Hỗ trợ hạ tầng số cho doanh nghiệp, thường xuyên | ?Sở Khoa học và Công nghệ |  | ongoing',
      'II.3.1 | II.3 | Phối hợp thực hiện theo chức năng | phong-th;phong-hcqt;ban-tcd;tt-pvhcc;tt-cbth |  | ',
    ]);
    expect(r.plan.duties).toBeUndefined();
  });

  it('keeps them as duties when the plan lists its tasks elsewhere', () => {
    const text = fixture('prose-plan.txt').replace(
      'III. TỔ CHỨC THỰC HIỆN\nCác đơn vị báo cáo định kỳ.',
      'III. TỔ CHỨC THỰC HIỆN\n1. Phòng Tổng hợp: theo dõi, tổng hợp kết quả.\n2. Ban Tiếp công dân tỉnh: tiếp nhận ý kiến của Nhân dân.',
    );
    const result = importPlan(text, { file: 'p.txt', refs: fixtureRefs(), unitsFile: 'u', leadersFile: 'l' });
    expect(result.ok && result.plan.duties).toEqual([
      { unit: 'phong-th', text: 'theo dõi, tổng hợp kết quả.' },
      { unit: 'ban-tcd', text: 'tiếp nhận ý kiến của Nhân dân.' },
    ]);
    expect(result.ok && result.tasks.map((t) => t.id)).toEqual(['II.1', 'II.2']);
  });
});

describe('an assignment column ("Phân công nhiệm vụ: Chủ trì: …; Phối hợp: …") and numbers inside the task cell', () => {
  const r = read('assign-column.txt');

  it('reads lead and support from the labels, titles up to the colon, and skips a total row', () => {
    expect(r.rows).toEqual([
      'PL.1 | PL | Kiểm kê nguồn nguyên liệu của tỉnh | phong-th | ban-tcd;?Sở VH,TT&DL | 2026-Q4;ongoing',
      'PL.2 | PL | Đào tạo nhân lực | tt-cbth;phong-hcqt | ?Thuế tỉnh;?Thống kê tỉnh | 2030-12',
    ]);
  });
});

describe('several labels on one line (issue 17)', () => {
  it('gives each label its own field', () => {
    const text = [
      'I. NHIỆM VỤ',
      '1. Nhóm một',
      'a) Rà soát quy chế làm việc.',
      '- Đơn vị chủ trì: Phòng Tổng hợp; Đơn vị phối hợp: Ban TCD, TT CBTH',
      '- Lãnh đạo phụ trách: Chánh Văn phòng. Thời hạn hoàn thành: Quý III, IV/2026',
    ].join('\n');
    const result = importPlan(text, { file: 'p.txt', refs: fixtureRefs(), unitsFile: 'u', leadersFile: 'l' });
    expect(result.ok && result.tasks[0]).toMatchObject({
      directed_by: 'chanh-vp',
      lead_units: 'phong-th',
      support_units: 'ban-tcd;tt-cbth',
      due: '2026-Q3;2026-Q4',
    });
  });
});

describe('which items are tasks', () => {
  it.each([
    ['2. Yêu cầu: là tiêu chí bắt buộc để đánh giá cán bộ, công chức hàng năm.', 0],
    ['2. Hỗ trợ hạ tầng số cho doanh nghiệp, thường xuyên.', 1],
    ['2. Phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2025.', 0],
    ['2. Rà soát quy trình, hoàn thành trong quý II năm 2025.', 1],
  ])('%s → %i task(s)', (line, count) => {
    const text = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích: nâng cao hiệu quả.', line].join('\n');
    const result = importPlan(text, {
      file: 'p.txt',
      year: 2025,
      refs: fixtureRefs(),
      unitsFile: 'u',
      leadersFile: 'l',
    });
    expect(result.ok && result.tasks.length).toBe(count);
  });
});

describe("a Word table's merged cells (htmlToText)", () => {
  it('writes a row across the table as one cell, and a cell merged down into every row it spans', () => {
    const html =
      '<table><tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td><td>Thời gian</td></tr>' +
      '<tr><td colspan="4"><p>I. NHIỆM VỤ CHUNG</p></td></tr>' +
      '<tr><td>1</td><td><p>Rà soát</p><p>- quy chế</p></td><td rowspan="2">Phòng Tổng hợp</td><td>2025</td></tr>' +
      '<tr><td>2</td><td>Số hóa &amp; lưu trữ</td><td>Quý II/2025</td></tr>' +
      '<tr><td colspan="4">Tổng kinh phí: 30 triệu đồng</td></tr></table>';
    expect(htmlToText(html).split('\n')).toEqual([
      '| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |',
      '| I. NHIỆM VỤ CHUNG |',
      '| 1 | Rà soát<br>- quy chế | Phòng Tổng hợp | 2025 |',
      '| 2 | Số hóa & lưu trữ | Phòng Tổng hợp | Quý II/2025 |',
      '| Tổng kinh phí: 30 triệu đồng |',
      '',
      '',
    ]);
    const result = importPlan(htmlToText(html), {
      file: 'p.docx',
      refs: fixtureRefs(),
      unitsFile: 'u',
      leadersFile: 'l',
    });
    expect(result.ok && result.tasks.map((t) => `${t.id} ${t.lead_units} ${t.due}`)).toEqual([
      'PL.I.1 phong-th 2025-12',
      'PL.I.2 phong-th 2025-Q2',
    ]);
  });
});
