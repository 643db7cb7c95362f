// The analysis core's public surface. Adapters (LSP, CLI, preview) import from here only.
export type {
  Block,
  Chapeau,
  CrossReference,
  Draft,
  FootnoteCall,
  FootnoteText,
  NumberLabel,
  Opener,
  OpenerMatch,
  Paragraph,
  ReferencedNumber,
  ResolutionPart,
  Span,
  SubLabel,
  SubParagraph,
} from './model';
export type { Finding, Fix, TextEdit, RelatedPlace, Severity } from './findings';
export { lint, lintDraft, internalErrorPrefix, type LintResult } from './lint';
export { parse, type ParseOptions } from './parse/parse';
export { allRules } from './rules/index';
export { ruleDocUrl, type Rule } from './rule';
export { defaultSettings, validateSettings, ruleLevels, type Settings, type SettingsProblem, type RuleLevel } from './settings';
export { LineIndex, type Position } from './line-index';
export { applyEdits, collectFixEdits } from './fix';
export { lexiconFor, type Lexicon, type OpenerEntry } from './lexicon/lexicon';
export { renumberOperativeEdits } from './rules/operative-numbering';
export { renumberFootnoteEdits } from './footnotes';
