import { describe, expect, it } from 'vitest';
import { makeGroupPatterns, nearestRef, resolveLeaders, resolveUnits } from '../../../src/lib/import/names';
import { fixtureRefs } from '../../fixtures/import/fixtures';

const refs = fixtureRefs();
const ALL = ['phong-th', 'phong-hcqt', 'ban-tcd', 'tt-pvhcc', 'tt-cbth'];

describe('leader names', () => {
  it.each([
    ['Chánh Văn phòng.', 'chanh-vp'],
    ['CHÁNH VĂN PHÒNG', 'chanh-vp'],
    ['Chédnh Van phong.', 'chanh-vp'],
    ['Chéanh Vin phong,.', 'chanh-vp'],
    ['Lanh dao Vian phong.', 'lanh-dao-vp'],
    ['Phé Chanh Vin phong - Truong Ban Tiép céng dan tinh.', 'pcvp-ban-tcd'],
    ['Ph6 Chanh Van phong - Trudng Ban Tiép cong dan.', 'pcvp-ban-tcd'],
  ])('%s → %s', (text, id) => {
    expect(resolveLeaders(text, refs)).toEqual({ ids: [id], unmatched: [], allUnits: false, leaders: [] });
  });

  it('does not take "Phó Chánh Văn phòng" for "Chánh Văn phòng"', () => {
    expect(
      nearestRef(
        'Phó Chánh Văn phòng',
        refs.leaders.filter((l) => l.id === 'chanh-vp'),
      ),
    ).toBeUndefined();
  });

  it('keeps a name that matches no leader, as written', () => {
    expect(resolveLeaders('Chủ tịch UBND tỉnh', refs).unmatched).toEqual(['Chủ tịch UBND tỉnh']);
  });
});

describe('unit names', () => {
  it.each([
    ['Phòng Hành chính - Quản trị', ['phong-hcqt']],
    ['Phong Hanh chinh — Quan tri.', ['phong-hcqt']],
    ['Phong Hanh chinh - Quén tri, Trung tam Phuc vu - Kiém so4t TTHC tinh.', ['phong-hcqt', 'tt-pvhcc']],
    ['Trung tâm Phục vụ - Kiểm soát thủ tục hành chính tỉnh', ['tt-pvhcc']],
    ['Ban Tiép cong déan tinh.', ['ban-tcd']],
    ['Ban Tiếp công dân', ['ban-tcd']],
    ['Ban TCD', ['ban-tcd']],
    ['Trung tâm Công báo và Tin học', ['tt-cbth']],
  ])('%s → %s', (text, ids) => {
    expect(resolveUnits(text, refs)).toEqual({ ids, unmatched: [], allUnits: false, leaders: [] });
  });

  it.each([
    'Các phòng, ban, đơn vị',
    'Các phòng, ban, đơn vị có liên quan.',
    'Cac phong, ban don Vi.',
    'Céc phong, ban, don vi ¢ lién quan.',
    'cac phong, ban, don vi c6 lién quan.',
    'Các đơn vị trực thuộc',
  ])('"%s" is every unit', (text) => {
    expect(resolveUnits(text, refs)).toEqual({ ids: ALL, unmatched: [], allUnits: true, leaders: [] });
  });

  it('sets a leader named among units apart ("Các Phó Chánh Văn phòng và các phòng, ban, đơn vị")', () => {
    expect(resolveUnits('Cac Phé Chanh Van phong va cac phong, ban don Vi.', refs)).toEqual({
      ids: ALL,
      unmatched: [],
      allUnits: true,
      leaders: [{ name: 'Cac Phé Chanh Van phong', id: 'cac-pho-chanh-vp' }],
    });
  });

  it('keeps names that match no unit, whole ("Văn phòng Đoàn ĐBQH và HĐND tỉnh")', () => {
    expect(resolveUnits('Phòng Tài vụ, Văn phòng Đoàn ĐBQH và HĐND tỉnh và Phòng Tổng hợp', refs)).toEqual({
      ids: ['phong-th'],
      unmatched: ['Phòng Tài vụ', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh'],
      allUnits: false,
      leaders: [],
    });
  });
});

describe('names real plans use (issue 17)', () => {
  const groups = makeGroupPatterns([
    'Các phòng, ban, đơn vị',
    'Các Sở, ban, ngành',
    'UBND các xã, phường',
    'Các đơn vị có liên quan',
    'UBND các huyện, thị xã, thành phố',
  ]);
  const withGroups = { ...refs, groups };

  it.each([
    ['Sở Nông nghiệp và Môi trường', ['Sở Nông nghiệp và Môi trường']],
    ['Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính', ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính']],
    ['Bộ Lao động - Thương binh và Xã hội', ['Bộ Lao động - Thương binh và Xã hội']],
    ['Sở Khoa học và Công nghệ; Sở Giáo dục và Đào tạo', ['Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo']],
    ['P.QLCN, P.QLNL và P.QLTM', ['P.QLCN', 'P.QLNL', 'P.QLTM']],
    ['Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh', ['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh']],
  ])('never cuts a name inside: %s', (text, names) => {
    expect(resolveUnits(text, withGroups).unmatched).toEqual(names);
  });

  it.each([
    ['Các Sở, ban, ngành', []],
    ['Các sở, ban, ngành tỉnh; UBND các xã, phường', []],
    ['Sở Tài chính và các đơn vị có liên quan', ['Sở Tài chính']],
    ['UBND các huyện, thị xã, thành phố', []],
    ['Các sở ban ngành liên quan', []],
  ])('reads a group phrase as every unit: %s', (text, rest) => {
    const names = resolveUnits(text, withGroups);
    expect(names.allUnits).toBe(true);
    expect(names.unmatched).toEqual(rest);
  });
});
