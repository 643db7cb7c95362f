// Inputs shared by the feature tests: a canonical draft with a bit of everything, and arbitrary
// draft-like texts for the properties every feature must keep on any input.
import fc from 'fast-check';

/** The draft format's own example (format.md), footnotes and sub-paragraphs included. */
export const canonicalDraft = `A/C.3/81/L.12
Eighty-first session
Agenda item 109
Strengthening the crime prevention programme

The General Assembly,

Recalling its resolution 46/152 of 18 December 1991 on the creation of an
effective programme,[^1]

Recognizing also the need to maintain a balance,

1. Takes note with appreciation of the report of the Secretary-General;[^2]

2. Urges States to develop national strategies, and in this regard:
   (a) Invites donors to contribute;
   (b) Encourages regional organizations:
      (i) To share information;
      (ii) To report on progress;

3. Requests the Secretary-General to submit a report on the implementation
of the present resolution to the General Assembly at its eighty-second session.

[^1]: Resolution 46/152, annex.
[^2]: A/81/179.
`;

const draftToken = fc.constantFrom(
  'The General Assembly,', 'The Security Council,', 'Recalling its resolution 60/1,', 'Recalling also', 'Recalls', 'Urging', 'Requests', 'Also requests',
  'Takes note with appreciation of', '*Recalling*', '_Noting_', '1.', '2.', '3.', '5 bis.', '(a)', '(b)', '(i)', '(ii)', '[^1]', '[^2]', '[^1]: Resolution 60/1.',
  '[^2]: A/61/179.', '[^', ']', '[', '¹', 'Corruption2', '_______________', ' 1 Resolution 58/4, annex.', 'Annex', 'Annex I', '84th plenary meeting',
  'paragraph 5 above', 'paragraphs 2 to 4 above', 'subparagraph (b) above', 'A/RES/61/181', 'S/RES/2231 (2015)', 'A/C.3/61/L.12/Rev.1.',
  ';', ',', '.', ':', ' ', '  ', '\t', '\u00A0', ' \n', '  \n',
);

/** Draft-like texts: the format's pieces in any order, with line breaks of every kind and stray characters. */
export const draftLikeText = fc.oneof(
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: draftToken },
        { weight: 4, arbitrary: fc.constantFrom(' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r') },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      { maxLength: 80 },
    )
    .map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
