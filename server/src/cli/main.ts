// `resolint`: the command line. All the work is in run.ts; this binds it to the process.
import * as fs from 'node:fs';
import { describeFileError } from '../node/file-errors';
import { runCli } from './run';

/**
 * The output could not be written (a full disk, a closed pipe): one line, and status 2, as for any
 * file that cannot be written. A reader that stops early (`resolint . | head`) is no error at all.
 */
function outputFailed(error: unknown): never {
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    process.stderr.write(`resolint: cannot write the output (${describeFileError(error)}); what it held is lost\n`);
  } catch {
    // stderr is gone too: the status says it
  }
  process.exit(2);
}

// Written to a pipe, a failure arrives as an event; written to a file, as an exception of the write.
process.stdout.on('error', outputFailed);

const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';

const exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  colors: process.stdout.isTTY === true && !noColor,
  writeOut: (text) => {
    try {
      process.stdout.write(text);
    } catch (error) {
      outputFailed(error);
    }
  },
  writeError: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0),
});
// Only `--export docx` answers with a promise (the zip is written asynchronously).
if (typeof exitCode === 'number') process.exitCode = exitCode;
else void exitCode.then((code) => (process.exitCode = code));
