import { describe, expect, it } from 'vitest';
import { editDistance, foldOcr, readRoman } from '../../../src/lib/import/fuzzy';
import { matchLabel, splitLabels } from '../../../src/lib/import/labels';

describe('matchLabel: clean labels', () => {
  it.each([
    ['Nội dung: Rà soát', 'content', 'Nội dung'],
    ['- Biện pháp khắc phục: Rà soát', 'content', 'Biện pháp khắc phục'],
    ['- Biện pháp thực hiện: Rà soát', 'content', 'Biện pháp thực hiện'],
    ['- Chỉ đạo thực hiện: Chánh Văn phòng', 'directed_by', 'Chỉ đạo thực hiện'],
    ['- Đơn vị tham mưu thực hiện: Phòng Tổng hợp', 'lead_units', 'Đơn vị tham mưu thực hiện'],
    ['- Đơn vị chủ trì: Phòng Tổng hợp', 'lead_units', 'Đơn vị chủ trì'],
    ['- Phối hợp thực hiện: Phòng Tổng hợp', 'support_units', 'Phối hợp thực hiện'],
    ['- Thời gian thực hiện: Quý II năm 2024', 'timeline', 'Thời gian thực hiện'],
    ['+ Thời gian thực hiện: Quý II năm 2024', 'timeline', 'Thời gian thực hiện'],
    // The variants offices use (issue 17).
    ['- Cơ quan chủ trì: Sở Tư pháp', 'lead_units', 'Cơ quan chủ trì'],
    ['- Cơ quan phối hợp: Sở Nội vụ', 'support_units', 'Cơ quan phối hợp'],
    ['- Lãnh đạo phụ trách: Phó Chủ tịch UBND tỉnh', 'directed_by', 'Lãnh đạo phụ trách'],
    ['- Thời hạn hoàn thành: Quý IV/2025', 'timeline', 'Thời hạn hoàn thành'],
    ['- Thời gian hoàn thành: tháng 6/2025', 'timeline', 'Thời gian hoàn thành'],
    ['- Thời gian: Quý II/2025', 'timeline', 'Thời gian'],
    ['- Sản phẩm: Quyết định của UBND tỉnh', 'content', 'Sản phẩm'],
    ['Đơn vị thực hiện: Sở Y tế', 'lead_units', 'Đơn vị thực hiện'],
  ])('%s', (line, field, label) => {
    expect(matchLabel(line)).toMatchObject({ field, label });
  });
});

describe('matchLabel: labels damaged by OCR (from the seed)', () => {
  it.each([
    ['- Chi dao thuc hién: Chanh Van phong.', 'directed_by', 'Chanh Van phong.'],
    ['- Don vi tham muu thuc hién: Cac phong, ban, don vi.', 'lead_units', 'Cac phong, ban, don vi.'],
    ['- Pon vi tham muwu thwc hién: Ban Tiép cong déan tinh.', 'lead_units', 'Ban Tiép cong déan tinh.'],
    ['- Don vi tham muwu thyce hién: Trung tdm Phuc vu', 'lead_units', 'Trung tdm Phuc vu'],
    ['- Phéi hop thue hién: Cac Phé Chanh Vin phong', 'support_units', 'Cac Phé Chanh Vin phong'],
    ['- Thoi gian thyc hign: Thudng xuyén trong nam 2024', 'timeline', 'Thudng xuyén trong nam 2024'],
    ['- Bi¢n phdp khdc phuc: Tich cuc, chi dong', 'content', 'Tich cuc, chi dong'],
    ['- Bién phdp thuc hién: Van phong trinh', 'content', 'Van phong trinh'],
    ['N6i dung: Nang cao hon nira', 'content', 'Nang cao hon nira'],
    ['No6i dung: Tép trung chi dao', 'content', 'Tép trung chi dao'],
  ])('%s', (line, field, value) => {
    expect(matchLabel(line)).toMatchObject({ field, value });
  });

  it('reads a label without its colon on an item\'s first line ("a) No1 dung Thuong xuyén")', () => {
    expect(matchLabel('No1 dung Thuong xuyén, tang cudng', true)).toEqual({
      field: 'content',
      label: 'Nội dung',
      value: 'Thuong xuyén, tang cudng',
    });
  });

  it.each([
    '- Triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ',
    '- Trién khai thuc hién dong bd, hiéu qua cac nhiém vu',
    'Tham muu UBND tinh: (1) Sva d6i Quyét dinh',
    'nội dung: phần tiếp của câu trên dòng trước',
    '- Bám sát các nội dung được chỉ ra trong Kết luận',
    '- Chỉ đạo thực hiện tốt công tác cải cách hành chính',
    '- Thời gian thực hiện các nhiệm vụ được rút ngắn',
  ])('leaves an ordinary line alone: %s', (line) => {
    expect(matchLabel(line)).toBeUndefined();
  });
});

describe('fuzzy helpers', () => {
  it.each([
    ['I', 1],
    ['II', 2],
    ['I1', 2],
    ['Il', 2],
    ['III', 3],
    ['Ill', 3],
    ['IV', 4],
    ['IIII', undefined],
    ['VX', undefined],
  ])('readRoman(%s) = %s', (token, value) => {
    expect(readRoman(token)).toBe(value);
  });

  it('reads quarter numerals with T and l for I ("ITI", "Il")', () => {
    expect(readRoman('iti', /[lt1|!]/g)).toBe(3);
    expect(readRoman('il', /[lt1|!]/g)).toBe(2);
  });

  it('folds diacritics and repairs OCR look-alikes', () => {
    expect(foldOcr('Đơn vị tham mưu thực hiện')).toBe('don vi tham muu thuc hien');
    expect(foldOcr('N6i dung, Bi¢n phdp; thwc hi€n')).toBe('noi dung bicn phdp thuc hien');
    expect(foldOcr('Kiém so4t 2024')).toBe('kiem soat 2024');
  });

  it('counts edits', () => {
    expect(editDistance('chanh', 'chednh')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('splitLabels: several labels on one line', () => {
  it.each([
    [
      'Đơn vị chủ trì: P.QLCN; Đơn vị phối hợp: P.QLNL, P.QLTM',
      ['Đơn vị chủ trì: P.QLCN', 'Đơn vị phối hợp: P.QLNL, P.QLTM'],
    ],
    [
      '- Cơ quan chủ trì: Sở Tư pháp. Thời hạn hoàn thành: Quý II/2025.',
      ['- Cơ quan chủ trì: Sở Tư pháp', 'Thời hạn hoàn thành: Quý II/2025.'],
    ],
    ['- Phối hợp thực hiện: Sở Tài chính, Sở Nội vụ', ['- Phối hợp thực hiện: Sở Tài chính, Sở Nội vụ']],
    ['Rà soát quy chế; bổ sung: điều 5 và điều 7', ['Rà soát quy chế; bổ sung: điều 5 và điều 7']],
  ])('%s', (line, parts) => {
    expect(splitLabels(line)).toEqual(parts);
  });
});
