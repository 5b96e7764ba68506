/** `npm run rollback -- <target-dir>`: points <target>/current back at the release before the one it serves. */
import { runCommand } from '../src/node/cli';
import { rollback } from '../src/node/releases/publish';

const args = process.argv.slice(2);
if (args.length !== 1) {
  console.error('Usage: npm run rollback -- <target-dir>');
  process.exit(2);
}
await runCommand('Rollback', () => {
  const result = rollback(args[0]!);
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
});
