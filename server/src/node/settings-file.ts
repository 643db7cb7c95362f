// Finding and reading `.resolintrc.json` on disk: shared by the CLI and the language server.
// The core validates; this file only does the I/O and turns JSON syntax errors into problems.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, defaultSettings, validateSettings, type Settings, type SettingsProblem } from '../core/index';

export const settingsFileName = '.resolintrc.json';

export const knownRuleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

export interface SettingsFile {
  readonly filePath: string;
  readonly settings: Settings;
  /** Each problem names its JSON path; a syntax error has path "$" and says where it is. */
  readonly problems: readonly SettingsProblem[];
}

/** The nearest `.resolintrc.json` in `startDirectory` or a folder above it, if any. */
export function findSettingsFile(startDirectory: string): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    const candidate = path.join(directory, settingsFileName);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads and validates a settings file; never throws. */
export function readSettingsFile(filePath: string, base: Settings = defaultSettings): SettingsFile {
  let raw: string;
  try {
    raw = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { filePath, settings: base, problems: [{ path: '$', message: `cannot read the file (${reason})` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { filePath, settings: base, problems: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const { settings, problems } = validateSettings(value, knownRuleIds, base);
  return { filePath, settings, problems };
}

/** One line per problem: "FILE: $.rules.foo: unknown rule id "foo"". */
export function formatSettingsProblem(filePath: string, problem: SettingsProblem): string {
  return `${filePath}: ${problem.path}: ${problem.message}`;
}
