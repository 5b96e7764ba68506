/**
 * Reads worksheets of workbooks in a thread of its own, one job at a time (src/node/workbook/read-workbook.ts posts a
 * job and waits for the reply, at most the time limit, else ends the thread). First every part is unpacked with a cap on its size, since the sizes a
 * ZIP directory declares may lie; only then does exceljs read the workbook. Plain JavaScript, so the thread starts
 * without a TypeScript loader.
 */
import { workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';

/** @typedef {{ name: string; method: number; start: number; packed: number; size: number }} Part */
/** @typedef {{ bytes: Uint8Array; sheet: string; parts: Part[]; pauseMs?: number }} Job */

/** @type {{ port: import('node:worker_threads').MessagePort; signal: Int32Array }} */
const { port, signal } = workerData;

/** Posts the result and wakes the waiting thread. */
function reply(result) {
  port.postMessage(result);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/**
 * Unpacks every part with its declared size as the cap: undefined when all match, else the message.
 * @param {Job} job
 */
function checkParts({ bytes, parts }) {
  for (const part of parts) {
    if (part.method === 0) {
      if (part.packed !== part.size) return `its part ${part.name} is damaged`;
      continue;
    }
    let unpacked;
    try {
      unpacked = inflateRawSync(bytes.subarray(part.start, part.start + part.packed), {
        maxOutputLength: Math.max(1, part.size),
      }).length;
    } catch (e) {
      const tooLarge = /** @type {{ code?: string }} */ (e).code === 'ERR_BUFFER_TOO_LARGE';
      return tooLarge
        ? `its part ${part.name} unpacks to more than it declares (a damaged file, or one made to exhaust memory)`
        : `its part ${part.name} is damaged`;
    }
    if (unpacked !== part.size) return `its part ${part.name} unpacks to a size other than it declares`;
  }
  return undefined;
}

/** Text of a format without its quoted literals and escaped characters: does it show a percent? */
function isPercentFormat(format) {
  return typeof format === 'string' && format.replace(/"[^"]*"|\\./g, '').includes('%');
}

/** A cell value of exceljs as a plain value (src/lib/workbook/sheet.ts, SheetValue); undefined when empty. */
function plain(value, format) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { t: 'n', v: value, pct: isPercentFormat(format) };
  if (typeof value === 'string') return { t: 's', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { t: 'e', v: '#VALUE!' } : { t: 'd', v: value.toISOString().slice(0, 10) };
  if (Array.isArray(value.richText)) return { t: 's', v: value.richText.map((r) => r.text ?? '').join('') };
  if (typeof value.error === 'string') return { t: 'e', v: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = plain(value.result, format);
    return result ?? { t: 'f', v: String(value.formula ?? value.sharedFormula) };
  }
  if ('text' in value) return plain(value.text, format);
  return { t: 's', v: String(value) };
}

/** The worksheet named like the table (any case), else the first visible one. */
function pickSheet(workbook, sheet) {
  const wanted = sheet.normalize('NFC').trim().toLowerCase();
  const sheets = workbook.worksheets;
  return (
    sheets.find((s) => s.name.normalize('NFC').trim().toLowerCase() === wanted) ??
    sheets.find((s) => s.state === 'visible') ??
    sheets[0]
  );
}

/** @param {Job} job */
async function read(job) {
  const { bytes, sheet } = job;
  // PLAN_FAULT_WORKBOOK_PAUSE_MS (tests only): a workbook that takes this long, to reach the time limit for certain.
  if (job.pauseMs) await new Promise((resolve) => setTimeout(resolve, job.pauseMs));
  const damaged = checkParts(job);
  if (damaged)
    return {
      ok: false,
      code: 'workbook-damaged',
      message: `cannot be read as a workbook: ${damaged}; open the original in Excel or LibreOffice and save it again`,
    };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'headerFooter'],
  });
  const worksheet = pickSheet(workbook, sheet);
  if (!worksheet) return { ok: false, code: 'workbook-empty', message: 'holds no worksheet' };
  const rows = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = plain(cell.value, cell.numFmt);
      if (value) cells.push({ col, value });
    });
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  });
  return { ok: true, sheet: { name: worksheet.name, rows } };
}

port.on('message', (/** @type {Job} */ job) =>
  read(job).then(reply, (e) =>
    reply({
      ok: false,
      code: 'workbook-damaged',
      message: `cannot be read as a workbook (${String(e?.message ?? e).slice(0, 200)}); open it in Excel or LibreOffice and save it again`,
    }),
  ),
);
