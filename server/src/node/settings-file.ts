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

/**
 * `folder`'s `.resolintrc.json`, if anything of that name is there: a folder, a pipe, a dangling or
 * looping link or a file that cannot be read is found too, and `readSettingsFile` says what is wrong
 * with it, rather than the search passing it over silently for the settings of a folder above.
 */
export function settingsFileIn(folder: string): string | undefined {
  const candidate = path.join(folder, settingsFileName);
  try {
    fs.lstatSync(candidate);
    return candidate;
  } catch {
    // nothing of that name here (or a folder that cannot be searched: nothing to name)
    return undefined;
  }
}

/** The nearest `.resolintrc.json` in `startDirectory` or a folder above it, if any. */
export function findSettingsFile(startDirectory: string): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    const found = settingsFileIn(directory);
    if (found !== undefined) return found;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** The largest settings file read: a settings file holds a few lines; a larger one is refused unread. */
export const maxSettingsFileBytes = 1024 * 1024;

/** Why a settings file cannot be read, in words, for the usual error codes. */
const unreadableBecause: Readonly<Record<string, string>> = {
  ENOENT: 'ENOENT: it does not exist, or is a link to nothing',
  ELOOP: 'ELOOP: a loop of symbolic links',
  EACCES: 'EACCES: permission denied',
  EPERM: 'EPERM: permission denied',
  EISDIR: 'EISDIR: a folder',
};

/** Reads and validates a settings file; never throws. */
export function readSettingsFile(filePath: string, base: Settings = defaultSettings): SettingsFile {
  const refuse = (message: string): SettingsFile => ({ filePath, settings: base, problems: [{ path: '$', message }] });
  let raw: string;
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) return refuse('is a folder, not a settings file: expected a JSON file');
    // A pipe or a device would block the read, or never end it.
    if (!stat.isFile()) return refuse('is not a regular file: expected a JSON file');
    if (stat.size > maxSettingsFileBytes) return refuse(`the file has ${stat.size} bytes, over the ${maxSettingsFileBytes / 1024 / 1024} MB a settings file may have; not read`);
    raw = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(`cannot read the file (${unreadableBecause[code ?? ''] ?? code ?? String(error)})`);
  }
  const text = raw.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse(`not valid JSON${whereJsonBreaks(text)}: ${describeJsonError(error)}`);
  }
  // validateSettings takes null for "nothing set" (an editor's unset section); a file that holds only null is a mistake.
  if (value === null) return refuse('expected an object, found null');
  const { settings, problems } = validateSettings(value, knownRuleIds, base);
  return { filePath, settings, problems };
}

/** V8's message without the text it quotes back and its "at position N" (the line and column say where). */
function describeJsonError(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  // 'Unexpected token '}', "{"a": }" is not valid JSON': the quotation is cut at its start, not matched (no backtracking over the text).
  const quotation = message.search(/, (?:\.\.\.)?"/);
  if (quotation !== -1 && message.endsWith(' is not valid JSON')) message = message.slice(0, quotation);
  message = message.replace(/ (?:in JSON )?at position \d+.*$/s, '').replace(/^Unexpected token '(.*)'$/s, (_, token: string) => `unexpected ${JSON.stringify(token)}`);
  return message === 'Unexpected end of JSON input' ? 'the text ends too soon' : message || 'not JSON';
}

/** " at line L, column C" (1-based) of the first character JSON cannot take, or "" when that is not found. */
function whereJsonBreaks(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return '';
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index + 1;
    }
  }
  return ` at line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * The offset of the first character that makes `text` not JSON (the end, when it stops too soon);
 * -1 when it is JSON. Node's JSON.parse does not always say where. A loop with a stack, not
 * recursion: a deeply nested file cannot exhaust the call stack.
 */
export function jsonErrorOffset(text: string): number {
  const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const stack: string[] = [];
  let index = 0;
  let expect: 'value' | 'first value' | 'key' | 'first key' | 'after' = 'value';
  const skipSpace = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index++;
  };
  /** At a '"': past the string, or false at the character that breaks it. */
  const readString = (): boolean => {
    for (index++; index < text.length; ) {
      const code = text.charCodeAt(index);
      if (code === 34) {
        index++;
        return true;
      }
      if (code < 32) return false;
      if (code !== 92) index++;
      else if (text.charAt(index + 1) === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) index += 6;
      else if ('"\\/bfnrt'.includes(text.charAt(index + 1)) && index + 1 < text.length) index += 2;
      else return false;
    }
    return false;
  };
  for (;;) {
    skipSpace();
    if (expect === 'after') {
      const open = stack[stack.length - 1];
      if (open === undefined) return index >= text.length ? -1 : index;
      const character = text.charAt(index);
      if (character === ',') {
        index++;
        expect = open === '{' ? 'key' : 'value';
      } else if ((open === '{' && character === '}') || (open === '[' && character === ']')) {
        index++;
        stack.pop();
      } else {
        return index;
      }
      continue;
    }
    if (index >= text.length) return index;
    const character = text.charAt(index);
    if (expect === 'first key' || expect === 'key') {
      if (expect === 'first key' && character === '}') {
        index++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (character !== '"' || !readString()) return index;
      skipSpace();
      if (text.charAt(index) !== ':') return index;
      index++;
      expect = 'value';
      continue;
    }
    if (expect === 'first value' && character === ']') {
      index++;
      stack.pop();
      expect = 'after';
    } else if (character === '{' || character === '[') {
      stack.push(character);
      index++;
      expect = character === '{' ? 'first key' : 'first value';
    } else if (character === '"') {
      if (!readString()) return index;
      expect = 'after';
    } else {
      scalar.lastIndex = index;
      if (!scalar.test(text)) return index;
      index = scalar.lastIndex;
      expect = 'after';
    }
  }
}

/** One line per problem: "FILE: $.rules.foo: unknown rule id "foo"". */
export function formatSettingsProblem(filePath: string, problem: SettingsProblem): string {
  return `${filePath}: ${problem.path}: ${problem.message}`;
}
