import type { RelatedPlace } from '../findings';
import { footnoteLinesSpan, mistypedCall, possibleUnreadCall } from '../footnotes';
import type { FootnoteCall } from '../model';
import { localMessage } from '../messages';
import type { Rule } from '../rule';

export const footnoteUnusedRule: Rule = {
  id: 'footnote-unused',
  description: 'Every footnote text is referenced.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const called = new Set(draft.footnoteCalls.map((call) => call.number));
    const withText = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
    // A call with no text beside a text with no call ("[^iccpr]" calling "[^icpr]:", call 4 with texts
    // 1 to 3) is most often one footnote mislabelled: its text is not deleted, and the call is shown.
    const callWithoutText: FootnoteCall | undefined = draft.footnoteCalls.find((call) => !withText.has(call.number));
    // Calls written as bare digits ("… Treaty 8 is …") are read in the order of their numbers: moved above
    // an earlier one with its paragraph, a call is not read, whatever form its text's label takes.
    const bareCalls = draft.footnoteCalls.some((call) => call.style === 'bare');
    for (const footnote of draft.footnoteTexts) {
      // A yearbook's footnotes serve its whole page: their calls may stand in headings that are not the resolution's.
      if (called.has(footnote.number) || footnote.placement === 'yearbook') continue;
      const number = footnote.name ?? String(footnote.number);
      // A copy's bare digits may hold a call that was not read: the text is not deleted, and the place is shown.
      const maybeCall = footnote.style === 'bare' || bareCalls ? possibleUnreadCall(draft, footnote.number) : undefined;
      const related: RelatedPlace[] = [];
      // "[2]" for "[^2]": the call mistyped; the text is the one it means.
      const mistyped = footnote.style === 'bracket' ? mistypedCall(draft, footnote.number) : undefined;
      if (mistyped) {
        const written = draft.text.slice(mistyped.start, mistyped.end);
        related.push({ span: mistyped, message: localMessage(context.lexicon, 'footnote-unused/mistyped-call', { number, written }, `This '${written}' may be its call, mistyped: write '[^${number}]'.`) });
      } else if (maybeCall) {
        related.push({ span: maybeCall, message: localMessage(context.lexicon, 'footnote-unused/maybe-here', { number }, `This '${number}' may be its call: if it is, the footnote is used; check before deleting it.`) });
      } else if (callWithoutText) {
        const call = callWithoutText.name ?? String(callWithoutText.number);
        related.push({ span: callWithoutText.span, message: localMessage(context.lexicon, 'footnote-unused/call-without-text', { number, call }, `This call '${call}' has no text: if footnote ${number} is its text, give it the call's label rather than deleting it.`) });
      }
      context.report({
        span: footnote.labelSpan,
        message: localMessage(context.lexicon, 'footnote-unused/unused', { number }, `Footnote ${number} is never referenced: no mark in the text calls it.`),
        ...(related.length > 0
          ? { related }
          : { fix: { title: localMessage(context.lexicon, 'fix/remove-footnote', { number }, `Remove footnote ${number}`), edits: [{ span: footnoteLinesSpan(draft, footnote), newText: '' }] } }),
      });
    }
  },
};
