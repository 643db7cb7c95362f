// What Resolint says about a draft, in the draft's language: rule messages and fix titles, hovers,
// completions' details, the outline's groups. A lexicon may carry templates for them (fr.json, es.json:
// "messages"; both have every key); where it has none, the code's own English stands. The editor's
// commands and settings stay English, and so do the messages that say the draft's language is in
// question (chapeau.ts), whichever language they would have to pick. A template may be a part of
// another message (date-format's "why-" keys fill its "{why}", paragraph-punctuation's its "{why}" and
// "{mark}").
import type { Lexicon } from './lexicon/lexicon';

/** Every message a lexicon may translate, with the placeholders its template may use. */
export const messagePlaceholders = {
  'operative-verb/wrong-form': ['right', 'found'],
  'operative-verb/wording': ['right', 'found'],
  'operative-verb/passive': ['right', 'found'],
  'operative-verb/other-part': ['found'],
  'operative-verb/capital': ['right', 'found'],
  'operative-verb/accents': ['right', 'found'],
  'operative-verb/capitals': ['right', 'found'],
  'preambular-phrase/wrong-form': ['right', 'found'],
  'preambular-phrase/wording': ['right', 'found'],
  'preambular-phrase/other-part': ['found'],
  'preambular-phrase/capital': ['right', 'found'],
  'preambular-phrase/accents': ['right', 'found'],
  'preambular-phrase/capitals': ['right', 'found'],
  'repeated-opener/missing': ['found', 'right'],
  'repeated-opener/above': ['found'],
  'repeated-opener/position-after': ['word', 'right', 'found'],
  'repeated-opener/position-before': ['word', 'right', 'found'],
  'unknown-opener/operative-nearest': ['found', 'right'],
  'unknown-opener/operative': ['found'],
  'unknown-opener/preambular-nearest': ['found', 'right'],
  'unknown-opener/preambular': ['found'],
  'unknown-opener/other-language': ['found'],
  'opener-agreement/feminine': ['organ', 'right', 'found'],
  'opener-agreement/masculine': ['organ', 'right', 'found'],
  // The style rules' messages quote the draft's dates, numbers and words too.
  'date-format/wrong': ['right', 'why', 'found'],
  'date-format/ambiguous': ['example', 'found'],
  'date-format/why-day-first': [],
  'date-format/why-plain-day': [],
  'date-format/why-first-day': ['firstDay'],
  'date-format/why-month-in-full': [],
  'date-format/why-month-written': ['month'],
  'date-format/why-no-comma': [],
  'date-format/why-joint-not-comma': ['joint'],
  'date-format/why-joint-month': ['joint'],
  'date-format/why-joint-year': ['joint'],
  'date-format/why-joint-both': ['monthJoint', 'yearJoint'],
  'date-format/why-month-in-words': [],
  'citation-date/first-citation': ['number', 'dated'],
  'citation-date/date-given-here': ['date'],
  'citation-date/two-dates': ['number', 'date', 'other'],
  'citation-date/cited-with': ['date'],
  'session-ordinal/spell-out': ['right', 'found'],
  'session-ordinal/spell-out-no-form': ['found'],
  'un-spelling/spelling': ['right', 'found'],
  // The structure rules' messages: numbers, marks and labels, said in the draft's language as the rest.
  'operative-numbering/single': ['number'],
  'operative-numbering/unnumbered': ['position'],
  'operative-numbering/first': ['number'],
  'operative-numbering/repeats': ['number', 'expected'],
  'operative-numbering/follows': ['number', 'previous', 'expected'],
  'operative-numbering/not-renumbered': ['what', 'reference'],
  'operative-numbering/not-renumbered-ambiguous': ['what', 'reference', 'number'],
  'operative-numbering/here': ['number'],
  'operative-numbering/insert-after': ['label', 'previous', 'number'],
  'operative-numbering/insert-before': ['label', 'number'],
  'preambular-numbered/numbered': ['number', 'opener'],
  'preambular-numbered/numbered-no-opener': ['number'],
  'numbering-format/negotiation': ['number'],
  'numbering-format/space': ['right', 'found'],
  'numbering-format/style': ['right', 'found'],
  'subparagraph-sequence/first': ['label', 'expected'],
  'subparagraph-sequence/repeats': ['label', 'expected'],
  'subparagraph-sequence/follows': ['label', 'previous', 'expected'],
  'subparagraph-sequence/here': ['label'],
  'subparagraph-sequence/bracket': ['example', 'right', 'found'],
  'subparagraph-sequence/numbered': ['right', 'found'],
  'section-order/above-chapeau': [],
  'section-order/chapeau-here': [],
  'section-order/preambular-after': ['opener'],
  'section-order/operative-begins': [],
  'chapeau/missing': ['example'],
  'chapeau/organ': ['right', 'found'],
  'chapeau/comma': ['right', 'found'],
  'chapeau/article': ['right', 'found'],
  'chapeau/set-language': ['chapeauLanguage', 'language', 'example'],
  'chapeau/all-in-other': ['own', 'other', 'quoted', 'example'],
  'chapeau/some-in-other': ['own', 'count', 'other', 'quoted', 'example'],
  'chapeau/all-in-other-set': ['own', 'other', 'quoted', 'example'],
  'chapeau/some-in-other-set': ['own', 'count', 'other', 'quoted', 'example'],
  'chapeau/quoted-opener': ['opener'],
  'language/en': [],
  'language/fr': [],
  'language/es': [],
  'language/ru': [],
  'language/ar': [],
  'language/zh': [],
  'paragraph-punctuation/introduces': ['right', 'found'],
  'paragraph-punctuation/add': ['why', 'mark'],
  'paragraph-punctuation/replace': ['why', 'right', 'found'],
  'paragraph-punctuation/why-preambular': [],
  'paragraph-punctuation/why-operative': [],
  'paragraph-punctuation/why-last': [],
  'paragraph-punctuation/why-item': [],
  'paragraph-punctuation/name-comma': [],
  'paragraph-punctuation/name-semicolon': [],
  'paragraph-punctuation/name-full-stop': [],
  'paragraph-punctuation/name-colon': [],
  'paragraph-punctuation/space-before': ['mark', 'right', 'found'],
  'paragraph-punctuation/space-after': ['mark', 'right', 'found'],
  'bracket-balance/unopened': [],
  'bracket-balance/unclosed': [],
  'bracket-balance/remains': ['text'],
  'footnote-duplicate/repeats': ['number', 'same'],
  'footnote-duplicate/same-text': ['number'],
  'footnote-order/first': ['number', 'expected'],
  'footnote-order/after-outer': ['number', 'previous'],
  'footnote-order/after': ['number', 'previous', 'expected'],
  'footnote-order/next': ['number', 'previous', 'expected'],
  'footnote-order/here': ['number'],
  'footnote-order/number-twice': ['number'],
  'footnote-order/first-text': ['number'],
  'footnote-order/same-source': ['number', 'words'],
  'footnote-style/capital': ['right'],
  'footnote-style/full-stop': [],
  'footnote-style/mark-after': ['right', 'found'],
  'footnote-style/mark-before': ['right', 'found'],
  'footnote-style/comma-between': [],
  'footnote-style/comma-not-space': ['right', 'found'],
  'footnote-style/comma-alone': ['right', 'found'],
  'footnote-style/named': ['right', 'found'],
  'footnote-undefined/no-text': ['number'],
  'footnote-undefined/not-in-block': ['number'],
  'footnote-unused/unused': ['number'],
  'footnote-unused/maybe-here': ['number'],
  'cross-reference/missing': ['reference', 'number', 'extent'],
  'cross-reference/missing-many': ['reference', 'numbers', 'extent'],
  'cross-reference/itself': ['reference', 'number'],
  'cross-reference/comes-after': ['reference', 'number'],
  'cross-reference/comes-before': ['reference', 'number'],
  'cross-reference/no-subparagraph': ['reference', 'number', 'label'],
  'cross-reference/no-own-subparagraph': ['reference', 'label'],
  'cross-reference/here': ['number'],
  'cross-reference/extent-none': [],
  'cross-reference/extent-one': ['numbers'],
  'cross-reference/extent-many': ['numbers'],
  'cross-reference/others-up-to': ['last'],
  'document-symbol/empty-part': ['symbol'],
  'document-symbol/ends-with-slash': ['symbol'],
  'document-symbol/space': ['symbol'],
  'document-symbol/capitals': ['right', 'found'],
  'document-symbol/res-slash': ['symbol'],
  'document-symbol/suffix': ['right', 'found'],
  'document-symbol/year-space': ['right', 'found'],
  // Fix titles, hovers, completions and the outline: what the editor says about the draft, in its language too.
  'fix/write': ['right'],
  'fix/change': ['found', 'right'],
  'fix/replace': ['found', 'right'],
  'fix/add': ['text'],
  'fix/insert': ['text'],
  'fix/capitalize': ['word'],
  'fix/capitalize-first-letter': [],
  'fix/add-chapeau': ['example'],
  'fix/full-stop-to-comma': [],
  'fix/mark-to-comma': ['mark'],
  'fix/add-chapeau-comma': [],
  'fix/date-first-citation': ['dated'],
  'fix/call-footnote-again': ['same', 'number'],
  'fix/renumber-footnotes': [],
  'fix/fix-all': [],
  'fix/finalize-numbering': [],
  'fix/convert-to-draft-format': [],
  'fix/move-mark-after': ['mark'],
  'fix/move-mark-before': ['mark'],
  'fix/separate-marks': [],
  'fix/remove-footnote': ['number'],
  'fix/write-number': ['right'],
  'fix/renumber-operative': [],
  'fix/remove-number': [],
  'fix/number-paragraph': ['number'],
  'fix/reletter': [],
  'fix/insert-before': ['space', 'mark'],
  'fix/insert-after': ['space', 'mark'],
  'fix/name-narrow-no-break-space': [],
  'fix/name-no-break-space': [],
  'fix/name-space': [],
  'fix/all-of-rule': ['rule'],
  'hover/footnote': ['number', 'text'],
  'hover/footnote-no-text': ['number'],
  'hover/form-preambular': ['form'],
  'hover/form-operative': ['form'],
  'hover/form-preambular-paired': ['form', 'other'],
  'hover/form-operative-paired': ['form', 'other'],
  'hover/form-neither': ['form', 'forms'],
  'hover/forms-operative': ['form'],
  'hover/forms-preambular': ['form'],
  'hover/operative-opens-with': ['form'],
  'hover/preambular-opens-with': ['form'],
  'hover/paragraph': ['number'],
  'hover/no-paragraph': ['number'],
  'hover/no-subparagraph': ['label'],
  'hover/footnote-not-called': ['number'],
  'hover/footnote-called-once': ['number'],
  'hover/footnote-called': ['number',  'count'],
  'hover/the-preamble': [],
  'hover/paragraph-not-referred': ['number'],
  'hover/paragraph-referred': ['number',  'places'],
  'hover/list-and': [],
  'hover/and-the-preamble': [],
  'hover/in-paragraph': ['number'],
  'hover/in-paragraphs': ['numbers'],
  'completion/preambular-form': ['form'],
  'completion/operative-form': ['form'],
  'completion/above-opens-with': ['text', 'verb'],
  'completion/no-footnote-text': [],
  'completion/new-footnote': [],
  'completion/next-paragraph': [],
  'outline/preamble': [],
  'outline/operative-part': [],
  'outline/footnotes': [],
  'outline/part': ['letter'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type MessageKey = keyof typeof messagePlaceholders;

/** The messages that take no placeholder: said the same wherever they stand (a mark's name, a reason). */
export type PlainMessageKey = { [Key in MessageKey]: (typeof messagePlaceholders)[Key] extends readonly [] ? Key : never }[MessageKey];

type Values<Key extends MessageKey> = Readonly<Record<(typeof messagePlaceholders)[Key][number], string>>;

/** The message `key` in the lexicon's language with `values` in its placeholders, or `english` where the lexicon has no template. */
export function localMessage<Key extends MessageKey>(lexicon: Lexicon | undefined, key: Key, values: Values<Key>, english: string): string {
  const template = lexicon?.messages?.[key];
  if (template === undefined) return english;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  const byName: Readonly<Record<string, string>> = values;
  // Text and placeholder names alternate: text, name, text … text.
  let message = parts[0] as string;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string;
    message += (byName[name] ?? `{${name}}`) + (parts[index + 1] as string);
  }
  return message;
}

/**
 * A template cut at its placeholders once ("{right}" → text, name, text …): a draft may have tens of
 * thousands of findings of one message at each keystroke, and a pattern's replace for each cost a
 * French draft of 20,000 misnumbered paragraphs an eighth more time than the English one.
 */
function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  return parts;
}
const templateParts = new Map<string, readonly string[]>();
