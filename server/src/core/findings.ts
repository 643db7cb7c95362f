// What rules produce and adapters translate: findings with optional fixes as plain text edits.
import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of the text in `span` (offsets into the original text) by `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix carries everything needed to apply it, so no server state is needed later. */
export interface Fix {
  /** What the fix does, as a code-action title: "Renumber operative paragraphs". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** Another place in the draft that explains a finding: the earlier paragraph, the footnote text. */
export interface RelatedPlace {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  readonly related: readonly RelatedPlace[];
}
