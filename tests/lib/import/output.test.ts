import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/csv';
import { formatPlanJson, formatTasksCsv, type TaskRow } from '../../../src/lib/import/output';

const row: TaskRow = {
  id: 'II.1.a',
  section: 'II.1',
  title: 'Hậu cần, lễ tân, khánh tiết',
  content: 'Chủ đề “Học tập” và "làm theo".\n\n**Biện pháp khắc phục:** Rà soát, chấn chỉnh.',
  directed_by: 'chanh-vp',
  lead_units: 'hcqt;?Phòng Tài vụ',
  support_units: '*',
  timeline: 'Quý II, III, IV năm 2024',
  due: '2024-Q2;2024-Q3;2024-Q4',
};

describe('formatTasksCsv', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180) and reads back the same', () => {
    const csv = formatTasksCsv([row]);
    expect(csv.split('\n')[0]).toBe('id,section,title,content,directed_by,lead_units,support_units,timeline,due');
    expect(csv).toContain(
      ',"Hậu cần, lễ tân, khánh tiết","Chủ đề “Học tập” và ""làm theo"".\n\n**Biện pháp khắc phục:** Rà soát, chấn chỉnh.",',
    );
    const { table, issues } = parseCsv('tasks.csv', csv);
    expect(issues).toEqual([]);
    expect(table.rows[0]!.cells).toEqual(row);
  });
});

describe('formatPlanJson', () => {
  it('pretty-prints with two spaces and a final newline', () => {
    expect(formatPlanJson({ year: 2024, title: 'Kế hoạch', sections: [{ id: 'I', title: 'Mục đích' }] })).toBe(
      '{\n  "year": 2024,\n  "title": "Kế hoạch",\n  "sections": [\n    {\n      "id": "I",\n      "title": "Mục đích"\n    }\n  ]\n}\n',
    );
  });
});
