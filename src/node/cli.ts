/** What every command-line entry point shares: an error nothing else caught becomes one line saying what to do, and exit code 1. */
import { describeFsError } from './fs-errors';

/** Runs a command's main function and exits with its code; an unexpected error (a full or read-only disk…) is printed as `<command> stopped: <reason>.`, never as a stack trace. */
export async function runCommand(command: string, main: () => Promise<number> | number): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    console.error(`${command} stopped: ${describeFsError(error)}.`);
    code = 1;
  }
  process.exit(code);
}
