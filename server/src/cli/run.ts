// One run of `resolint`: read the command, find the drafts, lint each with its settings, print one
// report. The process (argv, streams, exit code) stays in main.ts so this can be driven from a test.
import * as path from 'node:path';
import { allRules, lint, type Finding } from '../core/index';
import { decodeText, readTextFile, type TextFileResult } from '../node/text-file';
import { parseCommandLine, usage, type LintOptions } from './arguments';
import { discoverTargets, type LintTarget } from './file-discovery';
import { formatters } from './formatters/index';
import { buildFileReport, totalsOf, type FileReport } from './report';
import { formatRuleList } from './rule-list';
import { SettingsResolver } from './settings-resolver';
import { packageVersion } from './version';

export const exitCodes = { clean: 0, problemsFound: 1, failure: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export interface CliEnvironment {
  readonly cwd: string;
  /** Whether stdout may receive ANSI colours. */
  readonly colors: boolean;
  writeOut(text: string): void;
  writeError(text: string): void;
  readStdin(): Uint8Array;
}

/** The name ESLint gives to text read from standard input without --stdin-filename. */
const anonymousStdinName = '<text>';

export function runCli(argv: readonly string[], environment: CliEnvironment): ExitCode {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      environment.writeOut(usage);
      return exitCodes.clean;
    case 'version':
      environment.writeOut(`${packageVersion()}\n`);
      return exitCodes.clean;
    case 'list-rules':
      environment.writeOut(formatRuleList(allRules));
      return exitCodes.clean;
    case 'usage-error':
      environment.writeError(`resolint: ${command.message}\nTry 'resolint --help' for the options.\n`);
      return exitCodes.failure;
    case 'lint':
      return lintTargets(command.options, environment);
  }
}

function lintTargets(options: LintOptions, environment: CliEnvironment): ExitCode {
  let failed = false;
  const fail = (line: string): void => {
    environment.writeError(`resolint: ${line}\n`);
    failed = true;
  };

  const configFile = options.configFile === undefined ? undefined : path.resolve(environment.cwd, options.configFile);
  const settingsResolver = new SettingsResolver(configFile, options.settingsOverrides, fail);
  // A broken --config concerns every draft: stop before linting any.
  if (configFile !== undefined && !settingsResolver.settingsFor(environment.cwd)) return exitCodes.failure;

  const discovery = discoverTargets(options.targets, { cwd: environment.cwd, extensions: options.extensions });
  for (const problem of discovery.problems) fail(problem);

  const reports: FileReport[] = [];
  for (const target of discovery.targets) {
    const { filePath, displayPath, folder } = describeTarget(target, options, environment.cwd);
    const settings = settingsResolver.settingsFor(folder);
    if (!settings) continue; // its settings file is broken, and said so
    const read: TextFileResult = target.kind === 'stdin' ? readStdin(environment) : readTextFile(target.filePath);
    if (!read.ok) {
      fail(`${displayPath}: ${read.reason}`);
      continue;
    }
    let findings: readonly Finding[];
    try {
      findings = lint(read.text, settings).findings;
    } catch (error) {
      // The core promises not to throw; if it does, the other drafts still get checked.
      fail(`${displayPath}: internal error while linting: ${String(error)}`);
      continue;
    }
    reports.push(buildFileReport(filePath, read.text, findings, options.raisedQuietRules));
  }

  environment.writeOut(formatters[options.format](reports, { rules: allRules, toolVersion: packageVersion(), colors: environment.colors }));

  const totals = totalsOf(reports);
  const tooManyWarnings = options.maxWarnings !== undefined && totals.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    environment.writeError(`resolint: too many warnings (${totals.warningCount}, maximum: ${options.maxWarnings}).\n`);
  }
  if (failed) return exitCodes.failure;
  return totals.errorCount > 0 || tooManyWarnings ? exitCodes.problemsFound : exitCodes.clean;
}

function describeTarget(
  target: LintTarget,
  options: LintOptions,
  cwd: string,
): { filePath: string; displayPath: string; folder: string } {
  if (target.kind === 'file') return { filePath: target.filePath, displayPath: target.displayPath, folder: path.dirname(target.filePath) };
  if (options.stdinFilename === undefined) return { filePath: anonymousStdinName, displayPath: anonymousStdinName, folder: cwd };
  // As ESLint does: the name is resolved against the working folder, and its settings apply.
  const filePath = path.resolve(cwd, options.stdinFilename);
  return { filePath, displayPath: options.stdinFilename, folder: path.dirname(filePath) };
}

function readStdin(environment: CliEnvironment): TextFileResult {
  let bytes: Uint8Array;
  try {
    bytes = environment.readStdin();
  } catch (error) {
    return { ok: false, reason: `cannot read standard input (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return decodeText(bytes);
}
