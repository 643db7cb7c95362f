// `resolint`: the command line. All the work is in run.ts; this binds it to the process.
import * as fs from 'node:fs';
import { runCli } from './run';

// A reader that stops early (`resolint . | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';

const exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  colors: process.stdout.isTTY === true && !noColor,
  writeOut: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0),
});
// Only `--export docx` answers with a promise (the zip is written asynchronously).
if (typeof exitCode === 'number') process.exitCode = exitCode;
else void exitCode.then((code) => (process.exitCode = code));
