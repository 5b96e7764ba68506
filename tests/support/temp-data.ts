/** A throwaway copy of data/ for tests that change data or archive it (the repository's data/ is never touched). */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A temp folder holding data/ (and, once snapshotted, archive/ beside it). */
export interface TempData {
  root: string;
  dataDir: string;
  archiveDir: string;
  /** Reads a file below root. */
  read(path: string): string;
  /** Writes a file below root. */
  write(path: string, text: string): void;
  /** Replaces text in a file below root (the text must be there). */
  edit(path: string, from: string | RegExp, to: string): void;
  cleanup(): void;
}

/** Copies the repository's data/ into a new temp folder. */
export function copyData(prefix = 'data-'): TempData {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve('data'), join(root, 'data'), { recursive: true });
  const at = (path: string) => join(root, path);
  return {
    root,
    dataDir: at('data'),
    archiveDir: at('archive'),
    read: (path) => readFileSync(at(path), 'utf8'),
    write: (path, text) => writeFileSync(at(path), text),
    edit(path, from, to) {
      const text = readFileSync(at(path), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${path} does not contain ${String(from)}`);
      writeFileSync(at(path), next);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A one-task 2025 plan, for tests that add a plan to the live data. */
export function addPlan2025(data: TempData): void {
  const dir = join(data.dataDir, 'plans', '2025-moi');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'plan.json'),
    JSON.stringify({ year: 2025, title: 'Kế hoạch công tác năm 2025', sections: [{ id: 'I', title: 'Nhiệm vụ' }] }),
  );
  writeFileSync(
    join(dir, 'tasks.csv'),
    'id,section,title,content,directed_by,lead_units,support_units,timeline,due\nI.1,I,Tổng kết năm 2024,,chanh-vp,th,*,Quý I năm 2025,2025-Q1\n',
  );
}
