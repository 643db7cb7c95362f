// The shape of a rule: metadata as data, and one check over the document model.
import type { Fix, RelatedPlace, Severity } from './findings';
import type { Lexicon } from './lexicon/lexicon';
import type { Draft, Span } from './model';
import type { ProseRun } from './prose';
import type { Settings } from './settings';

export interface RuleReport {
  readonly span: Span;
  readonly message: string;
  readonly fix?: Fix;
  readonly related?: readonly RelatedPlace[];
}

export interface RuleContext {
  readonly settings: Settings;
  /** The lexicon of the draft's language, or undefined where there is none yet. */
  readonly lexicon: Lexicon | undefined;
  report(finding: RuleReport): void;
  /**
   * The result of `compute(run)`, a pure function of `run`'s text (and of the draft's language and the
   * settings): an incremental session (session.ts) reuses it for an equal run in the next version of
   * the document, a one-off lint computes it. So the result must say nothing about where the run
   * stands (offsets into its text, not the draft) and hold no copy of its text (see `detached`).
   * For most runs the result is an empty list: callers test its length before a `for…of`, which
   * makes an iterator even over an empty list (six rules, every run, every keystroke: 2.2 MB a
   * keystroke on a 1 MB draft).
   */
  perRun<T>(run: ProseRun, compute: (run: ProseRun) => T): T;
}

export interface Rule {
  /** Stable id: the diagnostic's code, the settings key, the doc page and fixture folder name. */
  readonly id: string;
  /** One line, for `--list-rules` and the settings schema. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Whether the rule attaches fixes; reporting a fix from a rule that is not fixable is a bug. */
  readonly fixable: boolean;
  /** Language-neutral rules run on drafts whose language has no lexicon yet. */
  readonly needsLexicon: boolean;
  check(draft: Draft, context: RuleContext): void;
}

/** Where each rule's page lives; the one place that builds the URL. */
export const docsBaseUrl = 'https://github.com/resolint/resolint/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${docsBaseUrl}${ruleId}.md`;
}
