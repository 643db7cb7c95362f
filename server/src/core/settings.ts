// Settings as the rules read them, and their validation. Pure: reading the file is the adapters' job.
import type { Severity } from './findings';
import { languageConventions } from './lexicon/lexicon';

/** The language codes of the language table (languages.json): those a draft may be set to. */
const knownLanguages: readonly string[] = languageConventions.map((conventions) => conventions.language);

export type RuleLevel = Severity | 'off';
export type Mode = 'final' | 'negotiation';
export type AlsoPosition = 'auto' | 'before' | 'after';

export interface Settings {
  /** The organ the chapeau must name ("General Assembly"); undefined accepts any known organ. */
  readonly body?: string;
  /** "auto" reads the language from the chapeau. */
  readonly language: string;
  readonly mode: Mode;
  readonly alsoPosition: AlsoPosition;
  /** Per rule id: a severity that replaces the default, or "off". */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Extra openers accepted for a body's own usage. */
  readonly lexicon: { readonly operative: readonly string[]; readonly preambular: readonly string[] };
}

export const defaultSettings: Settings = {
  language: 'auto',
  mode: 'final',
  alsoPosition: 'auto',
  rules: {},
  lexicon: { operative: [], preambular: [] },
};

export const ruleLevels: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/** One thing wrong with a settings object: where (a JSON path such as `$.rules.foo`) and what was expected. */
export interface SettingsProblem {
  readonly path: string;
  readonly message: string;
}

export interface ValidatedSettings {
  readonly settings: Settings;
  readonly problems: readonly SettingsProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

/**
 * Reads settings from an untrusted JSON value (a settings file, or an editor's configuration),
 * over `base`. Bad entries are skipped and reported; the rest still applies.
 */
export function validateSettings(
  input: unknown,
  knownRuleIds: ReadonlySet<string>,
  base: Settings = defaultSettings,
): ValidatedSettings {
  const problems: SettingsProblem[] = [];
  if (input === undefined || input === null) return { settings: base, problems };
  if (!isRecord(input)) {
    return { settings: base, problems: [{ path: '$', message: `expected an object, found ${describe(input)}` }] };
  }
  let body = base.body;
  let language = base.language;
  let mode = base.mode;
  let alsoPosition = base.alsoPosition;
  const rules: Record<string, RuleLevel> = { ...base.rules };
  const lexicon = { operative: [...base.lexicon.operative], preambular: [...base.lexicon.preambular] };

  const oneOf = <T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    problems.push({ path, message: `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${describe(value)}` });
    return undefined;
  };

  for (const [key, value] of Object.entries(input)) {
    const path = `$.${key}`;
    switch (key) {
      case 'body':
        if (typeof value === 'string' && value.trim() !== '') body = value.trim();
        else if (value === null || value === '') body = undefined;
        else problems.push({ path, message: `expected the name of an organ such as "General Assembly", found ${describe(value)}` });
        break;
      case 'language':
        // A code the language table does not know would switch every opener check off, silently.
        if (typeof value === 'string' && (value === 'auto' || knownLanguages.includes(value))) language = value;
        else problems.push({ path, message: `expected "auto" or a language Resolint knows (${knownLanguages.map((code) => `"${code}"`).join(', ')}), found ${describe(value)}` });
        break;
      case 'mode':
        mode = oneOf(path, value, ['final', 'negotiation'] as const) ?? mode;
        break;
      case 'alsoPosition':
        alsoPosition = oneOf(path, value, ['auto', 'before', 'after'] as const) ?? alsoPosition;
        break;
      case 'rules':
        if (!isRecord(value)) {
          problems.push({ path, message: `expected an object of rule ids and severities, found ${describe(value)}` });
          break;
        }
        for (const [ruleId, level] of Object.entries(value)) {
          const rulePath = `${path}.${ruleId}`;
          if (!knownRuleIds.has(ruleId)) {
            problems.push({ path: rulePath, message: `unknown rule id "${ruleId}"` });
            continue;
          }
          const checked = oneOf(rulePath, level, ruleLevels);
          if (checked) rules[ruleId] = checked;
        }
        break;
      case 'lexicon':
        if (!isRecord(value)) {
          problems.push({ path, message: `expected an object with "operative" and "preambular" lists, found ${describe(value)}` });
          break;
        }
        for (const [part, list] of Object.entries(value)) {
          const listPath = `${path}.${part}`;
          if (part !== 'operative' && part !== 'preambular') {
            problems.push({ path: listPath, message: 'unknown key: expected "operative" or "preambular"' });
          } else if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item.trim() !== '')) {
            problems.push({ path: listPath, message: `expected a list of openers such as ["Demands"], found ${describe(list)}` });
          } else {
            for (const item of list as string[]) lexicon[part].push(item.trim());
          }
        }
        break;
      default:
        problems.push({
          path,
          message: 'unknown key: expected one of "body", "language", "mode", "alsoPosition", "rules", "lexicon"',
        });
    }
  }
  return { settings: { body, language, mode, alsoPosition, rules, lexicon }, problems };
}
