import { conventionsOf, exampleChapeau, languageName, lexiconFor, withArticle } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Draft } from '../model';
import { openersInOtherLanguage, type OpenersInOtherLanguage } from '../openers';
import type { Rule, RuleContext } from '../rule';
import { firstParagraphAfter } from '../structure';

export const chapeauRule: Rule = {
  id: 'chapeau',
  description: 'The text opens with a chapeau naming the organ ("The General Assembly,"), ending with a comma.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const firstParagraph = draft.paragraphs[0];
    const hasChapeau = draft.parts.some((part) => part.chapeau);
    if (!hasChapeau) {
      // Old texts without a chapeau name the organ in each paragraph: "The Security Council requests …".
      if (!firstParagraph || firstParagraph.subject) return;
      // The example is in the language the paragraphs are written in: « L'Assemblée générale, » over
      // « Rappelant … », not "The General Assembly,", which would make the draft English.
      const language = mostlyInOtherLanguage(draft, context)?.language ?? draft.language;
      const organ = context.settings.body ?? 'General Assembly';
      // With the language's own comma: "大会，", "الجمعية العامة،".
      const example = `${language === 'en' ? `The ${organ}` : exampleChapeau(language, organ, 'en')}${conventionsOf(language).comma}`;
      context.report({
        span: { start: firstParagraph.span.start, end: firstParagraph.span.start },
        message: localMessage(lexiconFor(language), 'chapeau/missing', { example }, `The draft has no chapeau: a resolution opens with the organ that adopts it, such as '${example}' on its own line.`),
        // The setting "body" names the organ in English: another language's draft gets the fix only where
        // the language table knows that organ in its language.
        ...(context.settings.body && (language === 'en' || conventionsOf('en').organs.includes(organ))
          ? { fix: { title: localMessage(lexiconFor(language), 'fix/add-chapeau', { example }, `Add the chapeau '${example}'`), edits: [{ span: { start: firstParagraph.span.start, end: firstParagraph.span.start }, newText: `${example}\n\n` }] } }
          : {}),
      });
      return;
    }
    // The chapeau tells the draft's language: paragraphs that open in another one are read with the
    // wrong lexicon, and no opener rule can check them ("Recalling" under « L'Assemblée générale, »).
    const inOther = mostlyInOtherLanguage(draft, context);
    const firstChapeau = draft.parts.find((part) => part.chapeau)?.chapeau;
    if (firstChapeau && context.settings.language !== 'auto' && firstChapeau.language !== draft.language) {
      // Set to French, « The General Assembly, » is a chapeau in another language than its paragraphs'.
      const values = {
        chapeauLanguage: localLanguageName(context, firstChapeau.language),
        language: localLanguageName(context, draft.language),
        example: `${exampleChapeau(draft.language, firstChapeau.organ, firstChapeau.language)}${conventionsOf(draft.language).comma}`,
      };
      context.report({
        span: firstChapeau.span,
        message: localMessage(context.lexicon, 'chapeau/set-language', values,
          `The chapeau is in ${values.chapeauLanguage}, but this draft is set to ${values.language} (setting "language"): '${values.example}'.`),
      });
    } else if (inOther && firstChapeau) {
      const own = localLanguageName(context, draft.language);
      const other = localLanguageName(context, inOther.language);
      // The first three openers, each once, and a sign that there are more: the count says how many paragraphs.
      const distinct = [...new Set(inOther.openers.map((opener) => opener.match?.formText ?? opener.text))];
      const shown = distinct.slice(0, 3).map((words) => localMessage(context.lexicon, 'chapeau/quoted-opener', { opener: words }, `'${words}'`));
      const quoted = `${shown.join(', ')}${distinct.length > shown.length ? ', …' : ''}`;
      const example = `${exampleChapeau(inOther.language, firstChapeau.organ, firstChapeau.language)}${conventionsOf(inOther.language).comma}`;
      const count = String(inOther.openers.length);
      const all = inOther.ownCount === 0;
      const message = context.settings.language === 'auto'
        ? all
          ? localMessage(context.lexicon, 'chapeau/all-in-other', { own, other, quoted, example }, `The chapeau makes this draft ${own}, but its paragraphs open in ${other} (${quoted}): write them in ${own}, or the chapeau in ${other} ('${example}').`)
          : localMessage(context.lexicon, 'chapeau/some-in-other', { own, count, other, quoted, example }, `The chapeau makes this draft ${own}, but ${count} of its paragraphs open in ${other} (${quoted}): write them in ${own}, or the chapeau in ${other} ('${example}').`)
        : all
          ? localMessage(context.lexicon, 'chapeau/all-in-other-set', { own, other, quoted, example }, `This draft is set to ${own}, but its paragraphs open in ${other} (${quoted}): write them in ${own}, or the chapeau in ${other} ('${example}').`)
          : localMessage(context.lexicon, 'chapeau/some-in-other-set', { own, count, other, quoted, example }, `This draft is set to ${own}, but ${count} of its paragraphs open in ${other} (${quoted}): write them in ${own}, or the chapeau in ${other} ('${example}').`);
      context.report({ span: firstChapeau.span, message });
    }
    for (const part of draft.parts) {
      const chapeau = part.chapeau;
      if (!chapeau) continue;
      const written = draft.text.slice(chapeau.span.start, chapeau.span.end);
      // Without a preamble, adopted Council texts print the chapeau without its comma ("The Security
      // Council" over "1. Calls upon …"): the comma is asked for only where a preambular paragraph follows.
      const firstAfter = firstParagraphAfter(draft, chapeau.span.end);
      // The comma of the chapeau's language ("大会，", "الجمعية العامة،"): the parser reads a chapeau by it,
      // and "大会," with another comma is no chapeau (fix all turned it back and forth).
      const comma = conventionsOf(chapeau.language).comma;
      // The organ as its name is written: "General Assembly", not "General assembly"; and with its
      // article, where both are in capitals: "The General Assembly", not "THE GENERAL ASSEMBLY".
      const organWritten = draft.text.slice(chapeau.organSpan.start, chapeau.organSpan.end);
      // The words start after an emphasis marker ("*The General Assembly,*") or a quoted draft's quotation mark: neither is part of the article.
      const wordsStart = chapeau.emphasis?.open.end ?? chapeau.openingQuote?.end ?? chapeau.span.start;
      const beforeOrgan = draft.text.slice(wordsStart, chapeau.organSpan.start);
      const article = beforeOrgan.trimEnd();
      const articleAsWritten = `${article.charAt(0)}${article.slice(1).toLowerCase()}`;
      const capitalsArticle = articleAsWritten !== article;
      if (organWritten !== chapeau.organ && !draft.fromScan) {
        const span = capitalsArticle ? { start: wordsStart, end: chapeau.organSpan.end } : chapeau.organSpan;
        const written = capitalsArticle ? `${beforeOrgan}${organWritten}` : organWritten;
        const right = capitalsArticle ? `${articleAsWritten}${beforeOrgan.slice(article.length)}${chapeau.organ}` : chapeau.organ;
        context.report({
          span,
          message: localMessage(context.lexicon, 'chapeau/organ', { right, found: written }, `The chapeau names the organ as its name is written: '${right}', not '${written}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits: [{ span, newText: right }] },
        });
      }
      if (chapeau.fullStop && !draft.fromScan) {
        // The white space before the mark goes with it: « L'Assemblée générale : », spaced as French spaces a colon, takes the comma tight.
        let markStart = chapeau.fullStop.start;
        while (markStart > chapeau.organSpan.end && /[ \t\u00a0\u202f]/.test(draft.text.charAt(markStart - 1))) markStart--;
        const replaced = { start: markStart, end: chapeau.fullStop.end };
        const right = `${draft.text.slice(chapeau.span.start, markStart)}${comma}${draft.text.slice(chapeau.fullStop.end, chapeau.span.end)}`;
        const mark = draft.text.slice(chapeau.fullStop.start, chapeau.fullStop.end);
        // The comma itself, doubled or after a space: the fix writes the line as it should read.
        const title = mark.startsWith(comma)
          ? localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`)
          : mark === '.' ? localMessage(context.lexicon, 'fix/full-stop-to-comma', {}, 'Replace the full stop with a comma') : localMessage(context.lexicon, 'fix/mark-to-comma', { mark }, `Replace '${mark}' with a comma`);
        context.report({
          span: chapeau.fullStop,
          message: localMessage(context.lexicon, 'chapeau/comma', { right, found: written }, `The chapeau ends with a comma: '${right}', not '${written}'.`),
          fix: { title, edits: [{ span: replaced, newText: comma }] },
        });
      } else if (!chapeau.comma && firstAfter?.kind === 'preambular' && !draft.fromScan) {
        // A footnote call after the organ ("The General Assembly[^1]"): the comma goes before it, or after
        // it in a language that writes calls before marks (footnote-style's convention).
        const call = draft.footnoteCalls.find((candidate) => candidate.span.end === chapeau.span.end && candidate.span.start >= chapeau.organSpan.end);
        const commaAt = call && conventionsOf(chapeau.language).footnoteMarkPosition !== 'before' ? call.span.start : chapeau.span.end;
        const right = `${draft.text.slice(chapeau.span.start, commaAt)}${comma}${draft.text.slice(commaAt, chapeau.span.end)}`;
        context.report({
          span: chapeau.span,
          message: localMessage(context.lexicon, 'chapeau/comma', { right, found: written }, `The chapeau ends with a comma: '${right}', not '${written}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/add-chapeau-comma', {}, 'Add the comma after the chapeau'), edits: [{ span: { start: commaAt, end: commaAt }, newText: comma }] },
        });
      }
      // « La Assemblée générale, », «El Asamblea General,»: the article agrees with the organ, and
      // elides before a vowel (« L'Assemblée »). Where the organ is written right: one fix at a time.
      const rightWithArticle = exampleChapeau(chapeau.language, chapeau.organ, chapeau.language);
      const rightArticle = rightWithArticle.endsWith(chapeau.organ) ? rightWithArticle.slice(0, rightWithArticle.length - chapeau.organ.length) : undefined;
      if (rightArticle && article !== '' && organWritten === chapeau.organ && !draft.fromScan
        && beforeOrgan.replace('’', "'").toLowerCase() !== rightArticle.toLowerCase()
        && conventionsOf(chapeau.language).articles.some((known) => known.toLowerCase() === article.replace('’', "'").toLowerCase())) {
        const span = { start: wordsStart, end: chapeau.organSpan.end };
        const found = `${beforeOrgan}${organWritten}`;
        const right = `${rightArticle}${chapeau.organ}`;
        context.report({
          span,
          message: localMessage(context.lexicon, 'chapeau/article-agrees', { right, found }, `The chapeau's article agrees with the organ: '${right}', not '${found}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits: [{ span, newText: right }] },
        });
      }
      // "General Assembly," with no article: the parser reads it as the chapeau only where one can stand.
      if (chapeau.missingArticle) {
        const article = withArticle(chapeau.missingArticle, '');
        context.report({
          span: chapeau.organSpan,
          message: localMessage(context.lexicon, 'chapeau/article', { right: `${article}${written}`, found: written }, `The chapeau opens with its article: '${article}${written}', not '${written}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/add', { text: chapeau.missingArticle }, `Add '${chapeau.missingArticle}'`), edits: [{ span: { start: chapeau.span.start, end: chapeau.span.start }, newText: article }] },
        });
      }
      const expected = context.settings.body;
      if (expected && chapeau.organ.toLowerCase() !== expected.toLowerCase() && chapeau.language === 'en') {
        context.report({
          span: chapeau.organSpan,
          message: `The chapeau names the ${chapeau.organ}, but this draft is set for the ${expected} (setting "body").`,
        });
      }
    }
  },
};

/** Openers of another language, where they are at least as many as the draft's own: a draft in two languages. */
function mostlyInOtherLanguage(draft: Draft, context: RuleContext): OpenersInOtherLanguage | undefined {
  const inOther = openersInOtherLanguage(draft, context.lexicon);
  return inOther && inOther.openers.length >= Math.max(1, inOther.ownCount) ? inOther : undefined;
}

/** The message key of each language's name. */
const languageNameKeys = { en: 'language/en', fr: 'language/fr', es: 'language/es', ru: 'language/ru', ar: 'language/ar', zh: 'language/zh' } as const;

/** A language's name in the draft's language: « anglais » in a French draft's message, "English" in an English one's. */
function localLanguageName(context: RuleContext, language: string): string {
  const key = languageNameKeys[language as keyof typeof languageNameKeys] as (typeof languageNameKeys)[keyof typeof languageNameKeys] | undefined;
  return key ? localMessage(context.lexicon, key, {}, languageName(language)) : languageName(language);
}
