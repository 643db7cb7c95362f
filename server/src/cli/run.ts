// One run of `resolint`: read the command, find the drafts, lint each with its settings, print one
// report. The process (argv, streams, exit code) stays in main.ts so this can be driven from a test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { akomaNtoso, allRules, convertToDraftFormat, lint, parse, previewHtml, renderModel, symbolFromFileName, type Finding } from '../core/index';
import { temporaryPathFor, writeFileAtomic, type AtomicWriteResult } from '../node/atomic-write';
import { importedText } from '../node/import-text';
import { decodeText, maxTextFileBytes, readFileBytes, readTextFile, tooLargeReason, type BytesResult, type TextFileResult } from '../node/text-file';
import { parseCommandLine, stdinTarget, usage, type ExportOptions, type ImportOptions, type LintOptions } from './arguments';
import { discoverTargets, type LintTarget } from './file-discovery';
import { dominantLineEnding, fixText, type FixOutcome } from './fix';
import { formatters } from './formatters/index';
import { plural } from './formatters/stylish';
import { buildFileReport, isReported, totalsOf, type FileReport } from './report';
import { formatRuleList } from './rule-list';
import { SettingsResolver } from './settings-resolver';
import { packageVersion } from './version';
import { describeFileError } from '../node/file-errors';

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

/** The exit code; a promise for `--export` and `--import`, which may zip or unzip a Word document. */
export function runCli(argv: readonly string[], environment: CliEnvironment): ExitCode | Promise<ExitCode> {
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
    case 'import':
      return importText(command.options, environment);
    case 'export':
      return exportDraft(command.options, environment);
  }
}

/** `--export`: the draft as Akoma Ntoso, a Word document or the preview page, to --output or standard output. */
async function exportDraft(options: ExportOptions, environment: CliEnvironment): Promise<ExitCode> {
  const fromStdin = options.target === stdinTarget;
  const read = fromStdin ? readStdin(environment) : readTextFile(path.resolve(environment.cwd, options.target));
  if (!read.ok) {
    environment.writeError(`resolint: ${fromStdin ? anonymousStdinName : options.target}: ${read.reason}\n`);
    return exitCodes.failure;
  }
  const draft = parse(read.text, options.language ? { language: options.language } : {});
  // A text copied without its masthead still has a symbol when its file (or --stdin-filename) is named like "A_RES_61_181.txt".
  const name = fromStdin ? options.stdinFilename : options.target;
  const model = renderModel(draft, name !== undefined ? { symbolHint: symbolFromFileName(name) } : {});
  let contents: Buffer;
  if (options.format === 'docx') {
    const { wordDocument } = await import('../node/docx.js');
    contents = await wordDocument(model);
  } else {
    contents = Buffer.from(options.format === 'akn' ? akomaNtoso(model) : previewHtml(model), 'utf8');
  }
  if (options.output === undefined) {
    environment.writeOut(contents.toString('utf8'));
    return exitCodes.clean;
  }
  const written = writeOutputFile(path.resolve(environment.cwd, options.output), contents);
  if (!written.ok) {
    environment.writeError(`resolint: ${options.output}: cannot write (${written.reason})\n`);
    return exitCodes.failure;
  }
  return exitCodes.clean;
}

/** `--import`: the text (a copy out of a PDF, a draft, a Word document) in the canonical draft format on standard output, and nothing else. */
async function importText(options: ImportOptions, environment: CliEnvironment): Promise<ExitCode> {
  const fromStdin = options.target === stdinTarget;
  const bytes = fromStdin ? readStdinBytes(environment) : readFileBytes(path.resolve(environment.cwd, options.target));
  const read = bytes.ok ? await importedText(bytes.bytes) : bytes;
  if (!read.ok) {
    environment.writeError(`resolint: ${fromStdin ? anonymousStdinName : options.target}: ${read.reason}\n`);
    return exitCodes.failure;
  }
  const converted = convertToDraftFormat(parse(read.text, options.language ? { language: options.language } : {}));
  // The conversion changes nothing else: the file's line endings ("\r\n" pasted on Windows) and its
  // byte order mark stay, as `--fix` keeps them.
  const lineEnding = dominantLineEnding(read.text);
  const withEndings = lineEnding === '\n' ? converted : converted.replace(/\n/g, lineEnding);
  environment.writeOut(read.hadByteOrderMark && converted !== '' ? `\uFEFF${withEndings}` : withEndings);
  return exitCodes.clean;
}

/** An existing file is replaced atomically; a new one is written beside its place and renamed there. */
function writeOutputFile(filePath: string, contents: Uint8Array): AtomicWriteResult {
  if (fs.existsSync(filePath)) return writeFileAtomic(filePath, contents);
  const temporaryPath = temporaryPathFor(filePath);
  try {
    fs.writeFileSync(temporaryPath, contents, { flag: 'wx' });
    fs.renameSync(temporaryPath, filePath);
    return { ok: true, writtenPath: filePath };
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    // A new file's missing folder is what is missing, not the file: say which.
    const folder = path.dirname(filePath);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(folder)) return { ok: false, reason: `the folder ${folder} does not exist` };
    return { ok: false, reason: describeFileError(error) };
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
  /** With --fix and "-": the fixed text, which is all that standard output receives. */
  let fixedStdin: string | undefined;
  for (const target of discovery.targets) {
    const { filePath, displayPath, folder } = describeTarget(target, options, environment.cwd);
    const settings = settingsResolver.settingsFor(folder);
    if (!settings) continue; // its settings file is broken, and said so
    const read: TextFileResult = target.kind === 'stdin' ? readStdin(environment) : readTextFile(target.filePath);
    if (!read.ok) {
      fail(`${displayPath}: ${read.reason}`);
      continue;
    }
    const byteOrderMark = read.hadByteOrderMark ? '\uFEFF' : '';
    if (!options.fix) {
      let findings: readonly Finding[];
      try {
        findings = lint(read.text, settings).findings;
      } catch (error) {
        // The core promises not to throw; if it does, the other drafts still get checked.
        fail(`${displayPath}: internal error while linting: ${String(error)}`);
        continue;
      }
      reports.push(buildFileReport(filePath, read.text, findings, options.raisedQuietRules));
      continue;
    }

    let fixed: FixOutcome;
    try {
      // Only the fixes of findings the report would show: nothing changes that the user is not told of.
      fixed = fixText(read.text, settings, (finding) => isReported(finding, options.raisedQuietRules));
    } catch (error) {
      fail(`${displayPath}: internal error while fixing: ${String(error)}`);
      continue;
    }
    if (target.kind === 'stdin') {
      fixedStdin = byteOrderMark + fixed.text;
      reports.push(buildFileReport(filePath, fixed.text, fixed.findings, options.raisedQuietRules));
    } else if (!fixed.changed) {
      reports.push(buildFileReport(filePath, read.text, fixed.findings, options.raisedQuietRules));
    } else {
      const contents = byteOrderMark + fixed.text;
      const written = writeFileAtomic(target.filePath, Buffer.from(contents, 'utf8'));
      if (written.ok) {
        reports.push(buildFileReport(filePath, fixed.text, fixed.findings, options.raisedQuietRules, contents));
      } else {
        fail(`${displayPath}: cannot write the fixed text (${written.reason}); the file is unchanged`);
        // Report the file as it still is.
        reports.push(buildFileReport(filePath, read.text, fixed.originalFindings, options.raisedQuietRules));
      }
    }
  }

  if (options.fix && discovery.targets.some((target) => target.kind === 'stdin')) {
    // The fixed text and nothing else, so that `resolint --fix - < a > b` is a filter.
    if (fixedStdin !== undefined) environment.writeOut(fixedStdin);
    // What fixing could not mend goes to standard error, so that the status it sets is explained.
    const left = totalsOf(reports);
    if (left.errorCount + left.warningCount > 0) {
      environment.writeError(`resolint: ${describeLeft(left.errorCount, left.warningCount)} that no fix mends; lint the fixed text to see them\n`);
    }
  } else {
    for (const piece of formatters[options.format](reports, { rules: allRules, toolVersion: packageVersion(), colors: environment.colors })) environment.writeOut(piece);
  }

  const totals = totalsOf(reports);
  const tooManyWarnings = options.maxWarnings !== undefined && totals.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    environment.writeError(`resolint: too many warnings (${totals.warningCount}, maximum: ${options.maxWarnings}).\n`);
  }
  if (failed) return exitCodes.failure;
  return totals.errorCount > 0 || tooManyWarnings ? exitCodes.problemsFound : exitCodes.clean;
}

/** "2 errors and 1 warning left", as the stylish summary counts them. */
function describeLeft(errors: number, warnings: number): string {
  const count = (number: number, word: string): string => `${number} ${plural(word, number)}`;
  return `${errors > 0 && warnings > 0 ? `${count(errors, 'error')} and ${count(warnings, 'warning')}` : errors > 0 ? count(errors, 'error') : count(warnings, 'warning')} left`;
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
  const read = readStdinBytes(environment);
  return read.ok ? decodeText(read.bytes) : read;
}

function readStdinBytes(environment: CliEnvironment): BytesResult {
  let bytes: Uint8Array;
  try {
    bytes = environment.readStdin();
  } catch (error) {
    return { ok: false, reason: `cannot read standard input (${describeFileError(error)})` };
  }
  // A pipe has no size to check beforehand; the same limit holds once the text has arrived.
  if (bytes.length > maxTextFileBytes) return { ok: false, reason: tooLargeReason.replace('not read', 'not linted') };
  return { ok: true, bytes };
}
