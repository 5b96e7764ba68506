/**
 * Reads a worksheet from a workbook's bytes, synchronously, as the data loader reads every file: the file is checked
 * first (src/lib/workbook/container.ts), then a thread of its own (workbook-worker.mjs) unpacks and parses it while
 * this one waits, at most the time limit, with a cap on the thread's memory. A workbook that takes longer is given up.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { inspectWorkbook, timeoutMessage, WORKBOOK_LIMITS, type WorkbookLimits } from '../../../lib/data/workbook/container';
import type { WorkbookParser, WorkbookRead } from '../../../lib/data/workbook/sheet';
import { entryDataOffset } from '../../../lib/data/workbook/zip';

const WORKER = new URL('./workbook-worker.mjs', import.meta.url);

/** Heap of the reading thread: far above what a workbook within the limits needs. */
const WORKER_HEAP_MB = 1024;

/** Reads the worksheet named `sheet` (any case), else the first visible one, within the limits. */
export function readWorkbookSync(bytes: Uint8Array, sheet: string, limits = WORKBOOK_LIMITS): WorkbookRead {
  const inspection = inspectWorkbook(bytes, limits);
  if (!inspection.ok) return inspection;
  // Inside Astro's bundle (which gets the data already read, never reading workbooks) the thread's file is not there.
  if (!existsSync(fileURLToPath(WORKER)))
    return {
      ok: false,
      code: 'workbook-unsupported',
      message: 'is a workbook, which cannot be read here; run npm run validate',
    };
  const parts = [];
  for (const entry of inspection.entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    const start = entryDataOffset(bytes, entry);
    if (start === undefined)
      return {
        ok: false,
        code: 'workbook-damaged',
        message: `cannot be read as a workbook: its part ${entry.name} is damaged`,
      };
    parts.push({ name: entry.name, method: entry.method, start, packed: entry.compressedSize, size: entry.size });
  }
  return runWorker({ bytes, sheet, parts }, limits);
}

/** readWorkbookSync with the standard limits, as a DataSource offers it. */
export const parseWorkbook: WorkbookParser = (bytes, sheet) => readWorkbookSync(bytes, sheet);

interface Reader {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

// One reading thread serves every workbook of a load; it is ended (and a new one started) when one overruns its time.
let reader: Reader | undefined;

function startReader(): Reader {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    workerData: { port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    // exceljs may print warnings; the result says all that matters.
    stdout: true,
    stderr: true,
  });
  // The thread waits for work without keeping the process alive.
  worker.unref();
  port1.unref();
  worker.on('exit', () => {
    if (reader?.worker === worker) reader = undefined;
  });
  return { worker, port: port1, signal };
}

function runWorker(job: { bytes: Uint8Array; sheet: string; parts: unknown[] }, limits: WorkbookLimits): WorkbookRead {
  const current = (reader ??= startReader());
  Atomics.store(current.signal, 0, 0);
  // Tests only: the thread waits this long before reading, so that the time limit is reached whatever the machine's load.
  const pauseMs = Number(process.env.PLAN_FAULT_WORKBOOK_PAUSE_MS) || 0;
  current.port.postMessage(pauseMs > 0 ? { ...job, pauseMs } : job);
  Atomics.wait(current.signal, 0, 0, limits.timeoutMs);
  const message = receiveMessageOnPort(current.port)?.message as WorkbookRead | undefined;
  if (message) return message;
  reader = undefined;
  current.port.close();
  void current.worker.terminate();
  return { ok: false, code: 'workbook-timeout', message: timeoutMessage(limits) };
}
