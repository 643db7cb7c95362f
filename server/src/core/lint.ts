// The one entry point the adapters call: text and settings in, the draft and its findings out.
import type { Finding, RelatedPlace } from './findings';
import { lexiconFor } from './lexicon/lexicon';
import type { Draft } from './model';
import { forgetProse, type ProseRun } from './prose';
import { parse } from './parse/parse';
import type { Rule, RuleReport } from './rule';
import { allRules } from './rules/index';
import { defaultSettings, type Settings } from './settings';
import type { TextMemo } from './text-memo';

/** Starts the message of a finding that reports a rule's own failure; tests look for it. */
export const internalErrorPrefix = 'Resolint internal error in this rule:';

export interface LintResult {
  readonly draft: Draft;
  /** In text order; rules set to "off" are absent, severities are the configured ones. */
  readonly findings: readonly Finding[];
}

export function lint(text: string, settings: Settings = defaultSettings): LintResult {
  const draft = parse(text, { language: settings.language, extraOpeners: settings.lexicon });
  return { draft, findings: lintDraft(draft, settings) };
}

/** A rule's per-run result with no memo: computed each time. */
function computeNow<T>(run: ProseRun, compute: (run: ProseRun) => T): T {
  return compute(run);
}

/**
 * The findings of `draft`. With `memo` (an incremental session's), the rules' per-text results are
 * reused from the versions linted before; the findings are the same either way.
 */
export function lintDraft(draft: Draft, settings: Settings = defaultSettings, rules: readonly Rule[] = allRules, memo?: TextMemo): Finding[] {
  const lexicon = lexiconFor(draft.language);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = settings.rules[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    if (rule.needsLexicon && !lexicon) continue;
    const report = (finding: RuleReport): void => {
      if (finding.fix && !rule.fixable) {
        throw new Error(`rule ${rule.id} reported a fix but does not declare itself fixable`);
      }
      const related: readonly RelatedPlace[] = finding.related ?? [];
      const found: { -readonly [Key in keyof Finding]: Finding[Key] } = { ruleId: rule.id, severity: level, message: finding.message, span: finding.span, related };
      if (finding.fix) found.fix = finding.fix;
      findings.push(found);
    };
    // Per rule and language: a rule's per-text results depend on the language's lexicon and style.
    const perRun = memo ? memo.perRunOf(`${rule.id}\u0000${draft.language}`) : computeNow;
    try {
      rule.check(draft, { settings, lexicon, report, perRun });
    } catch (error) {
      // A rule's bug must not take the editor down with it: say so where the user sees it.
      findings.push({ ruleId: rule.id, severity: 'error', message: `${internalErrorPrefix} ${String(error)}`, span: { start: 0, end: 0 }, related: [] });
    }
  }
  forgetProse(draft);
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}
