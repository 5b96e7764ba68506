import { describe, expect, it } from 'vitest';
import { nearestRef, resolveLeaders, resolveUnits } from '../../../src/lib/import/names';
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
