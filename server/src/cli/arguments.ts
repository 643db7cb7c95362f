// The command line, read into a Command. Nothing here touches the disk: checking that files exist
// and reading settings files happen later, in the run.
import { parseArgs } from 'node:util';
import { allRules, ruleLevels, validateSettings, type RuleLevel } from '../core/index';
import { maxTextFileMegabytes } from '../node/text-file';

export const outputFormats = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** The endings a folder walk takes unless `--ext` says otherwise. */
export const defaultExtensions: readonly string[] = ['.resolution', '.res.md', '.txt'];

/** The target that means "read the text from standard input". */
export const stdinTarget = '-';

export interface LintOptions {
  /** Files, folders and "-", in the order given. */
  readonly targets: readonly string[];
  readonly format: OutputFormat;
  readonly configFile: string | undefined;
  /**
   * Settings given on the command line (`rules`, `mode`, `body`, `language`), in the shape of a
   * settings file and already validated; applied over each file's settings.
   */
  readonly settingsOverrides: { readonly [key: string]: unknown };
  /** Rules raised with `--rule` to "information" or "hint": their findings are shown as warnings. */
  readonly raisedQuietRules: ReadonlySet<string>;
  readonly maxWarnings: number | undefined;
  readonly extensions: readonly string[];
  readonly stdinFilename: string | undefined;
  /** Apply the safe fixes: files rewritten in place; with "-", the fixed text printed. */
  readonly fix: boolean;
}

/** `--import`: one text copied out of a PDF, or a Word document, printed in the draft format. */
export interface ImportOptions {
  /** A file, or "-" for standard input. */
  readonly target: string;
  /** The language given with --language, when not "auto". */
  readonly language: string | undefined;
}

export const exportFormats = ['akn', 'docx', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** `--export`: one draft as Akoma Ntoso, Word or the preview's HTML. */
export interface ExportOptions {
  readonly format: ExportFormat;
  /** A file, or "-" for standard input. */
  readonly target: string;
  /** Where to write; standard output when not given (Word needs a file). */
  readonly output: string | undefined;
  /** The language given with --language, when not "auto". */
  readonly language: string | undefined;
  /** The name given with --stdin-filename for a draft read from "-" (its symbol, as a file's name gives one). */
  readonly stdinFilename: string | undefined;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list-rules' }
  | { readonly kind: 'lint'; readonly options: LintOptions }
  | { readonly kind: 'import'; readonly options: ImportOptions }
  | { readonly kind: 'export'; readonly options: ExportOptions }
  | { readonly kind: 'usage-error'; readonly message: string };

export const usage = `Usage: resolint [options] <file | folder | glob | ->...

Checks UN-style resolution drafts. Folders are walked for ${defaultExtensions.map((ext) => `*${ext}`).join(', ')};
files named on the command line are always checked, and so are those a quoted pattern names
("drafts/**/*.res.md"); "-" reads a draft from standard input.

Options:
  --format stylish|json|sarif   output (default: stylish)
  --config <file>               settings file (default: nearest .resolintrc.json upwards)
  --rule <id>:<severity>        override one rule; severity: ${ruleLevels.join(', ')} (repeatable)
  --language <en|fr|es|auto>    the draft's language (default: read from the chapeau)
  --body <organ>                the organ the chapeau must name, such as "General Assembly"
  --mode <final|negotiation>    how strict to be (default: final)
  --max-warnings <n>            exit 1 when there are more than n warnings
  --list-rules                  list the rules: id, default severity, fixable, description
  --ext <.a,.b,...>             the file endings a folder walk takes
  --stdin-filename <name>       the name used for text read from "-"
  --fix                         apply the safe fixes in place, then report what is left;
                                with "-": print the fixed text only
  --import <file | ->           print text copied out of a PDF, or a Word document (.docx),
                                in the draft format
  --export akn|docx|html <file | ->
                                write the draft as Akoma Ntoso XML, a Word document or the
                                preview's HTML page (to --output, else standard output)
  --output <file>               where --export writes (required for docx)
  --version                     print the version
  --help                        print this help

Files larger than ${maxTextFileMegabytes} MB are not read.
Exit status: 0 no errors, 1 errors found (or too many warnings), 2 usage, I/O or settings error.
`;

const optionSpecs = {
  format: { type: 'string' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  language: { type: 'string' },
  body: { type: 'string' },
  mode: { type: 'string' },
  'max-warnings': { type: 'string' },
  'list-rules': { type: 'boolean' },
  ext: { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  import: { type: 'boolean' },
  export: { type: 'string' },
  output: { type: 'string', short: 'o' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

export function parseCommandLine(argv: readonly string[]): Command {
  try {
    return readCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage-error', message: error.message };
    return { kind: 'usage-error', message: describeParseError(error) };
  }
}

function readCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({ args: [...argv], options: optionSpecs, allowPositionals: true, strict: true });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values['list-rules']) return { kind: 'list-rules' };

  const format = readFormat(values.format);
  const ruleOverrides = readRuleOverrides(values.rule ?? []);
  const settingsOverrides = readSettingsOverrides(ruleOverrides, values);
  // Options that would be passed over silently: said at once, as --fix with --import is.
  if ((values.import || values.export !== undefined) && values.format !== undefined) {
    throw new UsageError(`${values.import ? '--import' : '--export'} writes a text, not a report: --format does not apply`);
  }
  if (values['stdin-filename'] !== undefined && !positionals.includes(stdinTarget)) {
    throw new UsageError('--stdin-filename names the draft read from standard input: give "-" as well');
  }
  if (values.import) return readImportCommand(positionals, values.fix === true, values.language);
  if (values.export !== undefined) return readExportCommand(values.export, positionals, values.output, values.fix === true, values.language, values['stdin-filename']);
  if (values.output !== undefined) throw new UsageError('--output goes with --export');
  const raisedQuietRules = new Set(
    Object.entries(ruleOverrides)
      .filter(([, level]) => level === 'information' || level === 'hint')
      .map(([ruleId]) => ruleId),
  );
  const maxWarnings = readMaxWarnings(values['max-warnings']);
  const extensions = values.ext ? readExtensions(values.ext) : defaultExtensions;

  if (positionals.length === 0) throw new UsageError('no files, folders or "-" given');
  if (positionals.filter((target) => target === stdinTarget).length > 1) {
    throw new UsageError('"-" (standard input) can be given only once');
  }
  const fix = values.fix === true;
  if (fix && positionals.includes(stdinTarget) && positionals.length > 1) {
    // The fixed text of "-" is the whole of standard output: nothing else may be printed there.
    throw new UsageError('--fix with "-" prints the fixed text: give no other files or folders');
  }
  return {
    kind: 'lint',
    options: {
      targets: positionals,
      format,
      configFile: values.config,
      settingsOverrides,
      raisedQuietRules,
      maxWarnings,
      extensions,
      stdinFilename: values['stdin-filename'],
      fix,
    },
  };
}

function readImportCommand(positionals: readonly string[], fix: boolean, language: string | undefined): Command {
  if (fix) throw new UsageError('--import prints the converted text: it cannot be combined with --fix');
  const [target, ...others] = positionals;
  if (target === undefined || others.length > 0) throw new UsageError('--import takes one file, or "-" for standard input');
  return { kind: 'import', options: { target, language: language === 'auto' ? undefined : language } };
}

function readExportCommand(
  format: string,
  positionals: readonly string[],
  output: string | undefined,
  fix: boolean,
  language: string | undefined,
  stdinFilename: string | undefined,
): Command {
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new UsageError(`--export: expected one of ${exportFormats.join(', ')}, found "${format}"`);
  }
  if (fix) throw new UsageError('--export cannot be combined with --fix');
  const [target, ...others] = positionals;
  if (target === undefined || others.length > 0) throw new UsageError('--export takes one file, or "-" for standard input');
  if (format === 'docx' && output === undefined) throw new UsageError('--export docx writes a file: give --output <file.docx>');
  return { kind: 'export', options: { format: format as ExportFormat, target, output, language: language === 'auto' ? undefined : language, stdinFilename } };
}

function readFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'stylish';
  if ((outputFormats as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UsageError(`--format: expected one of ${outputFormats.join(', ')}, found "${value}"`);
}

function readRuleOverrides(entries: readonly string[]): Record<string, RuleLevel> {
  const knownRuleIds = new Set(allRules.map((rule) => rule.id));
  const overrides: Record<string, RuleLevel> = {};
  for (const entry of entries) {
    const colon = entry.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--rule ${entry}: expected <rule-id>:<severity>, such as operative-numbering:off`);
    const ruleId = entry.slice(0, colon).trim();
    const level = entry.slice(colon + 1).trim();
    if (!knownRuleIds.has(ruleId)) {
      throw new UsageError(`--rule ${entry}: unknown rule id "${ruleId}" (resolint --list-rules shows them)`);
    }
    if (!(ruleLevels as readonly string[]).includes(level)) {
      throw new UsageError(`--rule ${entry}: unknown severity "${level}": expected one of ${ruleLevels.join(', ')}`);
    }
    overrides[ruleId] = level as RuleLevel;
  }
  return overrides;
}

/** Checks --mode, --body and --language with the same validation as a settings file. */
function readSettingsOverrides(
  rules: Record<string, RuleLevel>,
  values: { readonly mode?: string | undefined; readonly body?: string | undefined; readonly language?: string | undefined },
): { readonly [key: string]: unknown } {
  const overrides: Record<string, unknown> = {};
  if (Object.keys(rules).length > 0) overrides['rules'] = rules;
  if (values.mode !== undefined) overrides['mode'] = values.mode;
  if (values.body !== undefined) overrides['body'] = values.body;
  if (values.language !== undefined) overrides['language'] = values.language;
  const { problems } = validateSettings(overrides, new Set(Object.keys(rules)));
  const problem = problems[0];
  if (problem) throw new UsageError(`--${problem.path.replace(/^\$\./, '')}: ${problem.message}`);
  return overrides;
}

function readMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings: expected a whole number of 0 or more, found "${value}"`);
  return Number(value.trim());
}

function readExtensions(values: readonly string[]): string[] {
  const extensions = values
    .flatMap((value) => value.split(','))
    .map((ext) => ext.trim())
    .filter((ext) => ext !== '')
    .map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
  if (extensions.length === 0) throw new UsageError('--ext: expected file endings such as .resolution,.txt');
  return [...new Set(extensions)];
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']*)'/.exec(text)?.[1] ?? text;
    return `unknown option '${option}'`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return text.replace(/^Option /, 'option ');
  return text;
}
