// What rules and features need to know about openers beyond the lexicon lookup done by the parser.
import type { Draft, Opener, Paragraph } from './model';
import { capitalize, lowerFirst } from './structure';

/** The form `replacement` written the way the text would write it where `opener`'s verb stands. */
export function formAsWritten(opener: Opener, replacement: string): string {
  const match = opener.match;
  const atStart = !match || match.adverbs.length === 0 || match.formSpan.start === opener.span.start;
  return atStart ? capitalize(replacement) : lowerFirst(replacement);
}

/** Whether the opener's first letter is a capital, as an opener's must be (unless the organ is named before it). */
export function startsWithCapital(draft: Draft, paragraph: Paragraph): boolean {
  const opener = paragraph.opener;
  if (!opener || paragraph.subject) return true;
  const first = draft.text[opener.span.start] ?? '';
  return first === first.toLocaleUpperCase();
}
