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
  ParagraphKind,
  ReferencedNumber,
  ResolutionPart,
  Span,
  SubLabel,
  SubParagraph,
} from './model';
export type { Finding, Fix, TextEdit, RelatedPlace, Severity } from './findings';
export { lint, lintDraft, internalErrorPrefix, type LintResult } from './lint';
export { LintSession } from './session';
export { parse, type ParseOptions } from './parse/parse';
export { allRules } from './rules/index';
export { ruleDocUrl, type Rule } from './rule';
export { defaultSettings, validateSettings, ruleLevels, type Settings, type SettingsProblem, type RuleLevel } from './settings';
export { LineIndex, type Position } from './line-index';
export { dominantLineEnding, withLineEnding, type LineEnding } from './line-endings';
export { applyEdits, collectFixEdits } from './fix';
export { lexiconFor, type Lexicon, type OpenerEntry } from './lexicon/lexicon';
export { renumberOperativeEdits, strandedByRenumbering } from './rules/operative-numbering';
export { quotedByUnclosedMark } from './prose';
export { finalizeNumberingEdits, strandedByFinalizing } from './finalize-numbering';
export { footnoteRenumberingMovesSameSource, renumberFootnoteEdits } from './footnotes';
// Editor features: pure functions of a Draft (or a LintResult), in offsets; the adapters translate.
export { nodeAt, type NodeAtOffset } from './features/at-offset';
export { targetsOfReference, targetOfNumber, targetsOfNumber, type ReferenceTarget } from './features/cross-reference-targets';
export { documentSymbols, OutlineKind, type OutlineSymbol } from './features/symbols';
export { foldingRanges, type Fold, type FoldKind } from './features/folding';
export { hoverAt, type HoverContent } from './features/hover';
export { definitionAt, referencesAt, type Definition, type NavigationTarget } from './features/definition';
export { completionsAt, type Completion, type CompletionKind, type CompletionOptions } from './features/completion';
export { formattingEdits, type FormattingPreferences } from './features/formatting';
export { documentLinks, documentSystemUrl, type DocumentLink } from './features/links';
export { semanticTokens, semanticTokenTypes, semanticTokenModifiers, type SemanticToken, type SemanticTokenType, type SemanticTokenModifier } from './features/semantic-tokens';
export { codeActionsFor, codeActionKinds, editTitle, type WholeDraftEdit, convertToDraftFormatEdits, fixAllEdits, hasNegotiationNumbering, lineEdits, kindMatches, maximumFixRounds, type CodeActionKind, type CodeActionOptions, type CodeActionProposal } from './features/code-actions';
export { documentStatistics, type DocumentStatistics } from './features/statistics';
export { convertToDraftFormat } from './features/convert';
// Outputs: one rendering model of a Draft, printed as the preview (HTML) and as Akoma Ntoso; Word is built from it in node/docx.ts.
export {
  renderModel,
  operativeParagraphsOf,
  footnoteOfAnnexes,
  type RenderModel,
  type RenderOptions,
  type RenderLine,
  type RenderHeaderLine,
  type RenderParagraph,
  type RenderSubparagraph,
  type RenderPart,
  type RenderFootnote,
  type RenderAnnex,
  type BodyItem,
  type AnnexItem,
} from './render/render-model';
export { plainText, type Inline, type Mark, type FootnoteInline, type MarkInline, type TextInline } from './render/inline';
export { symbolFromFileName, type DocumentIdentity, type HeaderRole } from './render/masthead';
export { akomaNtoso, aknNames, type AknOptions, type AknNames } from './render/akn';
export { previewHtml, previewBody, previewStyles, previewContentSecurityPolicy, type HtmlOptions } from './render/html';
