/** A small valid data set, as files, for loader tests to start from and break one thing at a time. */
import type { MemoryFiles } from './memory-source';

/** The plan folder of the small data set. */
export const PLAN = 'data/plans/2024-vp';

/** A valid data set: two units, two leaders, one plan with three tasks and a few reports. */
export function smallData(): MemoryFiles {
  return {
    'data/site.json': JSON.stringify({
      organization: 'Văn phòng UBND tỉnh',
      title: 'Theo dõi kế hoạch',
      as_of: '2024-07-15',
    }),
    'data/units.csv':
      'id,name,short_name\nhcqt,Phòng Hành chính - Quản trị,P.HCQT\nban-tcd,Ban Tiếp công dân tỉnh,Ban TCD\n',
    'data/leaders.csv': 'id,title\nchanh-vp,Chánh Văn phòng\nlanh-dao-vp,Lãnh đạo Văn phòng\n',
    [`${PLAN}/plan.json`]: JSON.stringify({
      year: 2024,
      title: 'Kế hoạch năm 2024',
      sections: [
        { id: 'II', title: 'Nội dung thực hiện' },
        { id: 'II.1', parent: 'II', title: 'Phát huy ưu điểm' },
      ],
    }),
    [`${PLAN}/tasks.csv`]: [
      'id,section,title,content,directed_by,lead_units,support_units,timeline,due',
      'II.1.a,II.1,Quán triệt chuyên đề,**Nội dung**,chanh-vp,hcqt,*,Quý II năm 2024,2024-Q2',
      'II.1.b,II.1,Tiếp công dân,,lanh-dao-vp,ban-tcd,hcqt,Thường xuyên trong năm 2024,ongoing',
      'II.1.c,II.1,Sửa quy chế,,chanh-vp;lanh-dao-vp,hcqt,,trước ngày 30/6/2024,30/6/2024',
    ].join('\n'),
    [`${PLAN}/progress.csv`]: [
      'task_id,as_of,status,percent,completed_on,note,reported_by',
      'II.1.a,2024-05-31,in_progress,50,,Đang triển khai,hcqt',
      'II.1.a,2024-06-28,done,100,2024-06-20,Đã xong,hcqt',
      'II.1.b,2024-06-30,Đang thực hiện,40,,,ban-tcd',
    ].join('\n'),
  };
}
