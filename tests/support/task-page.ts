/** Reading the task index page (/tasks/) in a browser test: the rows shown, the count, and a downloaded CSV or workbook. */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { Sheet } from '../../src/lib/data/workbook/sheet';
import { readWorkbookSync } from '../../src/node/data/workbook/read-workbook';

/** `plan/id` of every row shown, in the order shown. */
export function shownRows(page: Page): Promise<string[]> {
  return page
    .locator('tbody tr:not([hidden])')
    .evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.plan}/${(r as HTMLElement).dataset.id}`));
}

/** Task ids of the rows shown, in the order shown. */
export async function shownIds(page: Page): Promise<string[]> {
  return (await shownRows(page)).map((key) => key.slice(key.indexOf('/') + 1));
}

/** The text of the live count, e.g. "1 / 12 nhiệm vụ". */
export function countText(page: Page): Promise<string> {
  return page.locator('[data-count]').innerText();
}

/** The cells of the rows shown as text, '—' read as empty: what the CSV download should hold. */
export function shownCells(page: Page): Promise<string[][]> {
  return page.locator('tbody tr:not([hidden])').evaluateAll((rows) =>
    rows.map((r) =>
      [...(r as HTMLTableRowElement).cells].map((c) => {
        const text = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
        return text === '—' ? '' : text;
      }),
    ),
  );
}

/** Clicks "Tải CSV" and returns the downloaded file's bytes and its rows (BOM removed before parsing). */
export async function downloadCsv(page: Page): Promise<{ bytes: Buffer; name: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV' }).click(),
  ]);
  const bytes = await readFile(await download.path());
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
  return { bytes, name: download.suggestedFilename(), rows };
}

/** Clicks "Tải Excel" and returns the downloaded workbook's name and its sheet, read as the data loader reads one. */
export async function downloadXlsx(page: Page): Promise<{ name: string; sheet: Sheet }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel' }).click(),
  ]);
  const read = readWorkbookSync(new Uint8Array(await readFile(await download.path())), 'x');
  if (!read.ok) throw new Error(read.message);
  return { name: download.suggestedFilename(), sheet: read.sheet };
}
