import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, pdfPagesToText } from '../../../src/lib/import/html-text';
import { importPlan } from '../../../src/lib/import/plan';
import { fixture, fixtureRefs } from '../../fixtures/import/fixtures';

// Untrusted input never makes the importer throw or hang. Reproducible: FC_SEED=<seed> npx vitest run
// tests/lib/import/fuzz.test.ts replays a run; fast-check prints the seed and the shrunk counterexample on failure.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
const params = { seed, numRuns: 150 };
const refs = fixtureRefs();
const options = { file: 'plan.txt', refs, unitsFile: 'units.csv', leadersFile: 'leaders.csv' };

const PIECES = [
  'I. NỘI DUNG',
  'II. NHIỆM VỤ',
  '1. Nhóm',
  'a) Việc',
  '- Đơn vị chủ trì: Sở Tư pháp; Thời gian: Quý II/2025',
  '| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |',
  '| 1 | Rà soát | Sở X | 2025 |',
  '| | tiếp | | |',
  'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian',
  '1\tViệc\tPhòng Tổng hợp\tQuý V/2025',
  'STT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Sở A chủ trì, phối hợp với Sở B hoàn thành trong quý IV năm 2026.',
  '1. Sở Công Thương:',
  'PHỤ LỤC',
  'KẾ HOẠCH',
  'Căn cứ',
  'ngày 31 tháng 2 năm 2024',
  '2025 - 2031',
  '|||',
  '\t\t\t',
  ':',
  '',
];

describe('the importer on any text (fuzz)', () => {
  it('never throws on lines of plan-like pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), { maxLength: 60 }),
        (lines) => {
          const result = importPlan(lines.join('\n'), options);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      params,
    );
  });

  it('never throws on a real plan with lines cut, moved and damaged', () => {
    const lines = fixture('appendix-plan.txt').split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 12 })), { maxLength: 20 }),
        (edits) => {
          const damaged = [...lines];
          for (const [at, text] of edits) damaged[at] = `${damaged[at]!.slice(0, text.length)}${text}`;
          expect(typeof importPlan(damaged.join('\n'), options).ok).toBe('boolean');
        },
      ),
      params,
    );
  });

  it('turns any HTML and any PDF text items into text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        expect(typeof htmlToText(`<table><tr><td rowspan="9">${html}</td></tr></table>${html}`)).toBe('string');
      }),
      params,
    );
    const item = fc.record({ str: fc.string({ maxLength: 10 }), x: fc.float(), y: fc.float(), width: fc.float() });
    fc.assert(
      fc.property(fc.array(fc.array(item, { maxLength: 30 }), { maxLength: 4 }), (pages) => {
        expect(typeof pdfPagesToText(pages)).toBe('string');
      }),
      params,
    );
  });
});
