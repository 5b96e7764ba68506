/** Child process of bench/markdown.ts: renders the text on stdin with the parser alone (no limits), prints CPU seconds. */
import { renderWithParser } from '../../src/lib/site/markdown';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const text = Buffer.concat(chunks).toString('utf8');
// Warm the parser up first, so that what is measured is the text and not the loading of the parser.
const warm =
  '**Biện pháp:** *ngay*; [VB](http://vb/1).\n\n- Một;\n- Hai `x`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> a\n\n';
for (let i = 0; i < 30; i++) await renderWithParser(warm.repeat(20) + i);
const before = process.cpuUsage();
const result = await renderWithParser(text).then(
  () => undefined,
  (error: Error) => error.message.split('\n').at(-1),
);
const used = process.cpuUsage(before);
process.stdout.write(JSON.stringify({ cpu: (used.user + used.system) / 1e6, error: result }));
