import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_FILE_LIMITS, readPlanFile } from '../../../src/node/data/plan-file';

const dir = mkdtempSync(join(tmpdir(), 'plan-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixturePath = (name: string) => new URL(`../../fixtures/import/${name}`, import.meta.url).pathname;
const bytesOf = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

/** Writes bytes to a file in the test folder and returns its path. */
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A one-page PDF whose page draws a rectangle and holds no text: what a scan without OCR looks like to a reader. */
function pdfWithoutText(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 26 >>\nstream\n10 10 200 200 re f\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe('readPlanFile: what it reads', () => {
  it('reads a .docx with its table as pipe rows, a merged cell in every row it spans', async () => {
    const result = await readPlanFile(fixturePath('appendix-plan.docx'));
    expect(result.ok && result.kind).toBe('docx');
    const lines = result.ok ? result.text.split('\n') : [];
    expect(lines).toContain('| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |');
    expect(lines).toContain('| 2 | Đào tạo kỹ năng số cho cán bộ | Sở Khoa học và Công nghệ | Sở Nội vụ | Hàng năm |');
  });

  it("reads a PDF's text layer, keeping a wrapped cell in its column", async () => {
    const result = await readPlanFile(fixturePath('appendix-plan.pdf'));
    expect(result.ok && result.kind).toBe('pdf');
    const lines = result.ok ? result.text.split('\n') : [];
    expect(lines).toContain('1\tXây dựng nền tảng\tSở Khoa học và\tCác sở, ban, ngành\tQuý III/2025');
    expect(lines).toContain('\tdữ liệu dùng chung\tCông nghệ\t\t');
  });

  it('reads text in UTF-8', async () => {
    expect(await readPlanFile(fixturePath('prose-plan.txt'))).toMatchObject({ ok: true, kind: 'txt' });
  });
});

describe('readPlanFile: what it refuses, in one line that says what to do', () => {
  const docx = bytesOf('appendix-plan.docx');
  it.each([
    [
      'a scanned PDF',
      () => file('scan.pdf', pdfWithoutText()),
      /scan\.pdf: has no text layer \(0 letters in 1 page\(s\)\): it is a scan and needs OCR first/,
    ],
    [
      'an encrypted Word file',
      () => file('locked.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /locked\.docx: is a password-protected Word file or an old \.doc; .*save it as \.docx$/,
    ],
    ['a .docx cut short', () => file('cut.docx', docx.slice(0, 4000)), /cut\.docx: is not a complete \.docx/],
    ['a .docx that is something else', () => file('fake.docx', 'hello'), /fake\.docx: is not a Word \(\.docx\) file/],
    [
      'a PDF that is broken',
      () => file('broken.pdf', '%PDF-1.4\nnothing here'),
      /broken\.pdf: could not be read \(.*\); save it again/,
    ],
    [
      'binary that is not text',
      () => file('bin.txt', new Uint8Array([0, 1, 2, 0xff, 0xfe, 0, 0x80])),
      /bin\.txt: is neither \.docx, \.pdf nor text/,
    ],
    ['a file that does not exist', () => join(dir, 'missing.txt'), /missing\.txt: cannot be read: no such file/],
  ])('%s', async (_name, make, message) => {
    const result = await readPlanFile(make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a .docx that would inflate past the limit, before inflating it', async () => {
    const result = await readPlanFile(fixturePath('appendix-plan.docx'), { ...PLAN_FILE_LIMITS, unzippedBytes: 1000 });
    expect(!result.ok && result.message).toMatch(/would inflate to over .* MB; a plan.s .docx inflates to a few MB/);
  });

  it('refuses a file over the size limit, and stops one that takes too long', async () => {
    const big = await readPlanFile(fixturePath('appendix-plan.pdf'), { ...PLAN_FILE_LIMITS, bytes: 100 });
    expect(!big.ok && big.message).toMatch(/plan files over .* MB are refused$/);
    const slow = await readPlanFile(fixturePath('appendix-plan.pdf'), { ...PLAN_FILE_LIMITS, ms: 1 });
    expect(!slow.ok && slow.message).toMatch(/took over 0\.001 s to read and was stopped/);
  });
});

describe('readPlanFile on damaged files (fuzz; FC_SEED replays a run)', () => {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
  it('answers with text or a message for flipped and cut .docx and .pdf bytes, never an exception', async () => {
    const sources = { docx: bytesOf('appendix-plan.docx'), pdf: bytesOf('appendix-plan.pdf') };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('docx' as const, 'pdf' as const),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 }),
        fc.nat(),
        async (kind, flips, cut) => {
          const bytes = sources[kind].slice(0, Math.max(8, sources[kind].length - (cut % 2000)));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const result = await readPlanFile(file(`fuzz.${kind}`, bytes));
          expect(result.ok ? typeof result.text : result.message).toMatch(/^string$|fuzz\.(docx|pdf): /);
        },
      ),
      { seed, numRuns: 40 },
    );
  });
});
