/** `npm run rollback -- <target-dir>`: points <target>/current back at the release before the one it serves. */
import { rollback } from '../src/node/releases/publish';

const args = process.argv.slice(2);
if (args.length !== 1) {
  console.error('Usage: npm run rollback -- <target-dir>');
  process.exit(2);
}
const result = rollback(args[0]!);
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
