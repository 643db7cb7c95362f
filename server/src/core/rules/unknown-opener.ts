import type { Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { ParagraphKind } from '../model';
import type { Rule } from '../rule';

/** Edit distance, given up past `limit` (openers are short; this stays cheap). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The lexicon's opener nearest to `word` among the forms a paragraph of `kind` takes. */
export function nearestOpener(lexicon: Lexicon, word: string, kind: ParagraphKind): { form: string; distance: number } | undefined {
  const lower = word.toLowerCase();
  let best: { form: string; distance: number } | undefined;
  for (const entry of lexicon.openers) {
    const form = kind === 'operative' ? entry.operative : entry.preambular;
    if (!form) continue;
    const head = form.split(' ')[0] ?? form;
    const distance = editDistance(lower, head.toLowerCase(), 3);
    if (distance <= 3 && (!best || distance < best.distance)) best = { form: head, distance };
  }
  return best;
}

export const unknownOpenerRule: Rule = {
  id: 'unknown-opener',
  description: 'The opener is not in the lexicon but looks like a verb form; says which known opener is nearest.',
  defaultSeverity: 'information',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const lexicon = context.lexicon;
    if (!lexicon) return;
    for (const paragraph of draft.paragraphs) {
      const opener = paragraph.opener;
      if (!opener || opener.match || paragraph.subject) continue;
      const word = draft.text.slice(opener.span.start, opener.span.end);
      if (lexicon.unknownOpenerExceptions.includes(word)) continue;
      const lower = word.toLowerCase();
      if (!lexicon.verbEndings.some((ending) => lower.endsWith(ending)) || word.length < 4) continue;
      const nearest = nearestOpener(lexicon, word, paragraph.kind);
      const sameVerb = nearest !== undefined && nearest.distance <= 2 && nearest.form.slice(0, 3).toLowerCase() === lower.slice(0, 3);
      const partName = paragraph.kind === 'operative' ? 'operative' : 'preambular';
      context.report({
        span: opener.span,
        message: nearest && nearest.distance <= 3
          ? localMessage(lexicon, `unknown-opener/${partName}-nearest`, { found: word, right: nearest.form },
            `'${word}' is not a known ${partName} opener; the nearest is '${nearest.form}'. If your body uses it, add it to "lexicon.${partName}" in .resolintrc.json.`)
          : localMessage(lexicon, `unknown-opener/${partName}`, { found: word },
            `'${word}' is not a known ${partName} opener. If your body uses it, add it to "lexicon.${partName}" in .resolintrc.json.`),
        ...(sameVerb && nearest
          ? { fix: { title: `Change '${word}' to '${nearest.form}'`, edits: [{ span: opener.span, newText: nearest.form }] } }
          : {}),
      });
    }
  },
};
