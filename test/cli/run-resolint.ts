// Running the built command line as a user would, and making throwaway folders of drafts for it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EslintResult } from '../../server/src/cli/formatters/json';

export const repositoryRoot = path.resolve(__dirname, '../../..');
export const cliFixtures = path.join(repositoryRoot, 'test/fixtures/cli');
const binary = path.join(repositoryRoot, 'bin/resolint.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd?: string;
  /** Bytes or text on standard input; empty when absent. */
  readonly input?: string | Uint8Array;
  readonly env?: Readonly<Record<string, string>>;
  /** A file standard output goes to instead of a pipe (such as /dev/full). */
  readonly stdoutFile?: string;
}

export function runResolint(args: readonly string[], options: CliRunOptions = {}): CliRun {
  const stdoutDescriptor = options.stdoutFile === undefined ? undefined : fs.openSync(options.stdoutFile, 'w');
  const result = spawnSync(process.execPath, [binary, ...args], {
    ...(stdoutDescriptor === undefined ? {} : { stdio: ['pipe', stdoutDescriptor, 'pipe'] }),
    cwd: options.cwd ?? repositoryRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 15000,
    // The whole output, however long (spawnSync's own limit is 1 MB).
    maxBuffer: 512 * 1024 * 1024,
  });
  if (stdoutDescriptor !== undefined) fs.closeSync(stdoutDescriptor);
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

/** ESLint's JSON result, as `--format json` prints it: the formatter's own type. */
export type { EslintResult } from '../../server/src/cli/formatters/json';

export function parseJsonOutput(run: CliRun): EslintResult[] {
  return JSON.parse(run.stdout) as EslintResult[];
}

/** A fresh folder under the system's temporary folder, with the given files (paths use "/"). */
export function makeTempFolder(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-cli-')));
  for (const [relativePath, content] of Object.entries(files)) {
    const filePath = path.join(root, ...relativePath.split('/'));
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, content);
  }
  return root;
}

export function removeTempFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(cliFixtures, name), 'utf8');
}
