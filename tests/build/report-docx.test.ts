/**
 * The Word reports of the default data as a real reader sees them: LibreOffice opens dist/reports/<period>.docx and
 * converts it to PDF and to text; the figures and headings are checked there, and the PDF is A4.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForTest } from '../support/build-once';
import { convertWithLibreOffice, hasLibreOffice, readConverted } from '../support/libreoffice';

/** Lines of a converted text with runs of white space made one space, empty lines dropped. */
const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

describe('the Word report opened in LibreOffice', () => {
  let dist: string;
  let work: string;
  const converted: Record<string, { text: string[]; pdf: string; pdfText: string }> = {};

  beforeAll(async () => {
    if (!hasLibreOffice())
      throw new Error('LibreOffice is needed for this test: apt-get install -y libreoffice-writer (see .ci/run)');
    dist = await buildForTest();
    work = mkdtempSync(join(tmpdir(), 'docx-read-'));
    for (const period of ['2024-q3', '2024-q4']) {
      const docx = join(dist, 'reports', `${period}.docx`);
      const txt = convertWithLibreOffice(docx, 'txt:Text (encoded):UTF8', work);
      const pdf = convertWithLibreOffice(docx, 'pdf', work);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      converted[period] = { text: linesOf(readConverted(txt)), pdf, pdfText: pdfText.replace(/\s+/g, ' ') };
    }
  });
  afterAll(() => {
    if (dist) rmSync(join(dist, '..'), { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('is written for every period the site lists', () => {
    for (const period of ['2024-01', '2024-11', '2024-q1', '2024-q4', '2024-h1', '2024-h2', '2024'])
      expect(existsSync(join(dist, 'reports', `${period}.docx`)), period).toBe(true);
  });

  it('has the office, the number to fill in, the Quốc hiệu and Tiêu ngữ, place and date, and the title', () => {
    const { text } = converted['2024-q3']!;
    expect(text.slice(0, 10)).toEqual([
      'VĂN PHÒNG UBND TỈNH QUẢNG NGÃI',
      'Số: …/BC-…',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Ngãi, ngày … tháng … năm 2024',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch phát huy ưu điểm, khắc phục những hạn chế, khuyết điểm của tập thể Lãnh đạo Văn phòng UBND tỉnh năm 2023',
      'Quý III năm 2024',
      'Thực hiện Kế hoạch phát huy ưu điểm, khắc phục những hạn chế, khuyết điểm của tập thể Lãnh đạo Văn phòng UBND tỉnh năm 2023, Văn phòng UBND tỉnh Quảng Ngãi báo cáo kết quả thực hiện quý III năm 2024 (số liệu tính đến ngày 30/09/2024, ngày cuối kỳ) như sau:',
      'Trong quý III năm 2024, Lãnh đạo Văn phòng thường xuyên kiểm tra, đôn đốc các phòng, ban, đơn vị triển khai các nhiệm vụ, giải pháp của Kế hoạch; định kỳ hằng tháng các đơn vị báo cáo tiến độ thực hiện.',
    ]);
  });

  it('has parts I, II and III in order, each with the office’s own text', () => {
    const { text } = converted['2024-q3']!;
    const at = (line: string) => text.indexOf(line);
    const order = [
      'I. KẾT QUẢ THỰC HIỆN',
      'Các phòng, ban, đơn vị đã chủ động triển khai nhiệm vụ được giao. Ngày 20/8/2024, UBND tỉnh ban hành Quyết định sửa đổi, bổ sung Quyết định số 41/2022/QĐ-UBND quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng.',
      '1. Tình hình chung',
      '2. Kết quả thực hiện từng nhiệm vụ',
      'II. TỒN TẠI, HẠN CHẾ',
      '- Một số đơn vị gửi báo cáo tiến độ chưa đúng thời gian quy định.',
      '1. Nhiệm vụ quá hạn, chưa hoàn thành',
      '2. Đơn vị chưa báo cáo trong kỳ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      '1. Tập trung hoàn thành các nhiệm vụ đến hạn trong quý IV năm 2024.',
      'Nơi nhận:',
      'THỦ TRƯỞNG CƠ QUAN',
    ];
    expect(order.filter((line) => at(line) < 0)).toEqual([]);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
  });

  it('states the figures at the cut-off and their change since the previous quarter', () => {
    const { text } = converted['2024-q3']!;
    expect(text).toContain(
      'Tổng số nhiệm vụ: 12. Tính đến ngày 30/09/2024: hoàn thành 1 nhiệm vụ, đạt 8,3% (đúng hạn 0, quá hạn 1); đang thực hiện 9; chưa thực hiện 1; quá hạn, chưa hoàn thành 1.',
    );
    const table = text.indexOf('Tăng (+), giảm (−)');
    expect(text.slice(table - 3, table + 25)).toEqual([
      'Tình trạng',
      '30/06/2024',
      '30/09/2024',
      'Tăng (+), giảm (−)',
      'Quá hạn, chưa hoàn thành',
      '0',
      '1',
      '+1',
      'Đang thực hiện',
      '11',
      '9',
      '−2',
      'Chưa thực hiện',
      '1',
      '1',
      '0',
      'Hoàn thành quá hạn',
      '0',
      '1',
      '+1',
      'Hoàn thành đúng hạn',
      '0',
      '0',
      '0',
      'Tổng số',
      '12',
      '12',
      '0',
    ]);
    expect(text).toContain('Trong kỳ có 1 nhiệm vụ hoàn thành:');
    const done = text.indexOf('Ngày hoàn thành');
    expect(text.slice(done + 2, done + 8)).toEqual([
      'II.3.a',
      'Sửa đổi, bổ sung Quyết định số 41/2022/QĐ-UBND về chức năng, nhiệm vụ của Văn phòng',
      'P.HCQT',
      '30/06/2024',
      '20/08/2024',
      'Hoàn thành quá hạn',
    ]);
  });

  it('lists every task with its status at the cut-off, and the overdue one with how long', () => {
    const { text } = converted['2024-q3']!;
    const statusOf = (id: string) => text[text.indexOf(id, text.indexOf('2. Kết quả thực hiện từng nhiệm vụ')) + 4];
    expect(['II.1.a', 'II.2.b', 'II.3.a', 'II.3.b', 'II.3.d'].map(statusOf)).toEqual([
      'Đang thực hiện (70%)',
      'Đang thực hiện (80%)',
      'Hoàn thành quá hạn',
      'Quá hạn, chưa hoàn thành (65%)',
      'Chưa thực hiện',
    ]);
    expect(text).toContain(
      'Có 1 nhiệm vụ quá hạn, chưa hoàn thành (1 nhiệm vụ quá hạn trong kỳ, 0 nhiệm vụ quá hạn từ kỳ trước):',
    );
    const overdue = text.indexOf('Số ngày quá hạn');
    expect(text.slice(overdue + 2, overdue + 8)).toEqual([
      'II.3.b',
      expect.stringContaining('Hướng dẫn chức năng'),
      'P.HCQT',
      '30/06/2024',
      '92',
      'Quá hạn trong kỳ; tiến độ 65%',
    ]);
  });

  it('lists what falls due in the time ahead, with the status now', () => {
    const { text } = converted['2024-q3']!;
    expect(text).toContain(
      'Trong thời gian tới (từ ngày 01/10/2024 đến ngày 31/12/2024), có 10 nhiệm vụ đến hạn, cần tập trung thực hiện:',
    );
    const ahead = text.indexOf('Tình trạng hiện nay');
    expect(text.slice(ahead + 1, ahead + 6)).toEqual([
      'II.1.a',
      'Giáo dục chính trị tư tưởng, quán triệt Chuyên đề năm 2024, tăng cường kỷ luật, kỷ cương',
      'P.HCQT, TT PV-KSTTHC',
      '31/12/2024',
      'Đang thực hiện (70%)',
    ]);
  });

  it('says, for the quarter not ended, up to which day it counts and who has not reported', () => {
    const { text } = converted['2024-q4']!;
    expect(text).toContain('Quý IV năm 2024');
    expect(text.some((l) => l.includes('(số liệu tính đến ngày 30/11/2024, kỳ báo cáo chưa kết thúc)'))).toBe(true);
    expect(text).toContain(
      '- Phòng Khoa giáo - Văn xã: 3 nhiệm vụ chủ trì chưa hoàn thành; báo cáo gần nhất ngày 28/08/2024.',
    );
    expect(text).toContain(
      '- Trung tâm Công báo và Tin học: 3 nhiệm vụ chủ trì chưa hoàn thành; báo cáo gần nhất ngày 29/08/2024.',
    );
  });

  it('prints on A4, and the PDF says what the document says', () => {
    const { pdf, pdfText } = converted['2024-q3']!;
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(3);
    for (const heading of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'Tổng số nhiệm vụ: 12.',
    ])
      expect(pdfText).toContain(heading);
  });
});
