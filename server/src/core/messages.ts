// Rule messages that quote the draft, in the draft's language. A lexicon may carry templates for them
// (fr.json, es.json: "messages"); where it has none, the rule's own English message stands, so the
// interface stays English and only what quotes the text follows the draft. A template may be a part of
// another message (date-format's "why-" keys fill its "{why}").
import type { Lexicon } from './lexicon/lexicon';

/** Every message a lexicon may translate, with the placeholders its template may use. */
export const messagePlaceholders = {
  'operative-verb/wrong-form': ['right', 'found'],
  'operative-verb/other-part': ['found'],
  'operative-verb/capital': ['right', 'found'],
  'operative-verb/accents': ['right', 'found'],
  'operative-verb/capitals': ['right', 'found'],
  'preambular-phrase/wrong-form': ['right', 'found'],
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
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type MessageKey = keyof typeof messagePlaceholders;

type Values<Key extends MessageKey> = Readonly<Record<(typeof messagePlaceholders)[Key][number], string>>;

/** The message `key` in the lexicon's language with `values` in its placeholders, or `english` where the lexicon has no template. */
export function localMessage<Key extends MessageKey>(lexicon: Lexicon | undefined, key: Key, values: Values<Key>, english: string): string {
  const template = lexicon?.messages?.[key];
  if (template === undefined) return english;
  const byName: Readonly<Record<string, string>> = values;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => byName[name] ?? placeholder);
}
