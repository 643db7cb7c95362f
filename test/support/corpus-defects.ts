// The findings that the corpus's extraction-defective files keep, each with the defect that explains
// it. ../shared/corpus/SOURCES.md lists these files under "Extraction defects" (their cleaned copies
// at the corpus root; the pdf_layout/ copies are raw page text without those defects, held to zero
// like every other file). Every other finding on them, and any finding on any other file, is a
// false alarm: corpus.test.ts asserts exactly this list.

/** A cleaned copy of the railcar extraction that SOURCES.md calls defective: not clean adopted text. */
export const defectiveFiles: readonly string[] = ['A_RES_80_3.txt', 'A_RES_80_5.txt', 'A_RES_80_9.txt', 'A_RES_80_57.txt', 'A_RES_80_59.txt'];

export interface DefectFinding {
  /** Relative to the corpus folder. */
  readonly file: string;
  readonly ruleId: string;
  /** 1-based line the finding starts on. */
  readonly line: number;
  /** The documented defect and how it brings the finding about. */
  readonly reason: string;
  /** Text the file holds because of the defect: the finding is excused only while the text is there. */
  readonly evidence: string;
  /** Another copy of the same resolution that shows the text before the defect, where the corpus has one. */
  readonly confirmedBy?: { readonly file: string; readonly text: string };
}

export const defectFindings: readonly DefectFinding[] = [
  {
    file: 'A_RES_80_3.txt',
    ruleId: 'operative-numbering',
    line: 19,
    reason:
      'the extraction lost the number "2." of the second operative paragraph, as it lost the annex\'s numbers 9, 13 and 15 ' +
      '(SOURCES.md: "Paragraph numbers 9, 13 and 15 are lost"); the raw page text pdf_layout/A_RES_80_3.txt has "2." over "Expresses"',
    evidence: 'the present resolution;\n\nExpresses its profound gratitude',
    confirmedBy: { file: 'pdf_layout/A_RES_80_3.txt', text: '2. \nExpresses its profound gratitude' },
  },
  {
    file: 'A_RES_80_57.txt',
    ruleId: 'paragraph-punctuation',
    line: 47,
    reason:
      'paragraph 4 and the closing block were absorbed into footnote [^3] (SOURCES.md), so paragraph 3, which ends with ";", ' +
      'reads as the last operative paragraph, which ends with "."',
    evidence: '[^3]: A/79/88. 4. Decides to include',
  },
  {
    file: 'A_RES_80_59.txt',
    ruleId: 'paragraph-punctuation',
    line: 25,
    reason:
      '"1653 (XVI)" was taken for a footnote (SOURCES.md): the rest of the preamble and the whole operative part moved into ' +
      'footnote [^1653], so the body ends with a preambular paragraph ("Reaffirming …") cut at "as declared in its resolutions", ' +
      'where "1653 (XVI)" became a footnote label: it is asked for its comma',
    evidence: 'as declared in its resolutions\n\n---',
  },
  {
    file: 'A_RES_80_59.txt',
    ruleId: 'footnote-unused',
    line: 33,
    reason: 'the same defect: "[^1653]:" is body text taken for a footnote, and no call in the text is 1653',
    evidence: '[^1653]: (XVI) of 24 November 1961',
  },
];
