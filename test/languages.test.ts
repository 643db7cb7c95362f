// Drafts in French and Spanish (issue 8). The French Security Council texts of ../shared/corpus/fr/
// (yearbook OCR, see its LANGUAGES.md) are read as French, lint nearly clean, have every opener in
// the French lexicon, and have the outline of their English counterparts (same file name in
// ../shared/corpus/) wherever the OCR or the extraction did not break one side: each pair that
// differs is listed below with its reason, and each reason is checked against the two texts.
// The lexicons themselves are checked as data: their messages, forms and organ genders.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeActionsFor, completionsAt, defaultSettings, definitionAt, documentSymbols, hoverAt, lint, lexiconFor, parse, type Draft, type Finding, type SubParagraph } from '../server/src/core/index';
import { closingLinePattern, languageConventions, oneAnchoredPattern } from '../server/src/core/lexicon/lexicon';
import { messagePlaceholders, type MessageKey } from '../server/src/core/messages';
import { corpusFolder } from './support/shared';

const frenchFolder = path.join(corpusFolder, 'fr');
const maximumRate = 1.0;

interface Pair {
  readonly name: string;
  readonly french: string;
  readonly english: string;
  readonly frenchDraft: Draft;
  readonly englishDraft: Draft;
}

function frenchFiles(): string[] {
  return fs.existsSync(frenchFolder) ? fs.readdirSync(frenchFolder).filter((name) => name.endsWith('.txt')).sort() : [];
}

function countSubparagraphs(items: readonly SubParagraph[]): number {
  return items.reduce((sum, item) => sum + 1 + countSubparagraphs(item.children), 0);
}

/** What the outline comparison looks at: the operative paragraphs, the sub-paragraphs at every level, the footnotes. */
interface Outline {
  readonly operative: number;
  readonly subparagraphs: number;
  readonly footnotes: number;
}

function outlineOf(draft: Draft): Outline {
  const footnotes = new Set([...draft.footnoteCalls.map((call) => call.number), ...draft.footnoteTexts.map((text) => text.number)]);
  return {
    operative: draft.paragraphs.filter((paragraph) => paragraph.kind === 'operative').length,
    subparagraphs: draft.paragraphs.reduce((sum, paragraph) => sum + countSubparagraphs(paragraph.subparagraphs), 0),
    footnotes: footnotes.size,
  };
}

/** The yearbook's bracketed calls of the `fini` layer ("[3]", and "[7}" as the OCR read one): their distinct numbers. */
function bracketCallNumbers(text: string): Set<string> {
  return new Set([...text.matchAll(/\[(\d{1,3})[\]}]/g)].map((match) => match[1] ?? ''));
}

type Measure = keyof Outline;

interface Difference {
  readonly measure: Measure;
  readonly reason: string;
  /** Holds when the texts show what the reason says. */
  readonly check: (pair: Pair) => boolean;
}

/**
 * Footnotes: the extraction dropped the yearbook's footnote texts from the French pages
 * (LANGUAGES.md, "How we made the plain text", step 3), and a French text's calls are "[3]" (fini
 * pages) or digits glued to words ("janvier 19933", best pages), which the parser reads as calls
 * only where footnote texts exist. The English page kept its footnote texts. The check: the French
 * text has no footnote text where the English has some; on fini pages, the French shows as many
 * bracketed calls as the English has footnotes (the numbers differ: the two yearbooks number their
 * footnotes by their own pages).
 */
const footnoteTextsDropped: Difference = {
  measure: 'footnotes',
  reason: 'the extraction dropped the French footnote texts (LANGUAGES.md, step 3); the calls are left as "[N]" or glued digits',
  check: ({ french, frenchDraft, englishDraft }) => {
    if (frenchDraft.footnoteTexts.length > 0 || englishDraft.footnoteTexts.length === 0) return false;
    const brackets = bracketCallNumbers(french);
    return brackets.size === 0 || brackets.size === outlineOf(englishDraft).footnotes;
  },
};

/** Every pair whose outlines differ, by file, with why. */
const knownDifferences: Readonly<Record<string, readonly Difference[]>> = {
  S_RES_82_1950: [
    {
      measure: 'operative',
      reason:
        'the French source swaps two marks (« hostilités : », « pour la Corée ; » where the English has "hostilities ;" and "Korea:") and lost the "I", "II", "III" markers: « Invite … » and « Prie … » read as items of « Demande … : »',
      check: ({ french, english }) => french.includes('des hostilités :') && french.includes('pour la Corée ;') && english.includes('hostilities ;') && english.includes('Korea:'),
    },
    {
      measure: 'subparagraphs',
      reason: 'the same swapped marks: « Invite … » and « Prie … » are counted as items of « Demande … : », beside a) to c)',
      check: ({ french }) => french.includes('des hostilités :') && /^a\) /m.test(french) && /^c\) /m.test(french),
    },
  ],
  S_RES_1445_2002: [
    {
      measure: 'subparagraphs',
      reason:
        'the English S/RES layout writes the six items of paragraph 13 as dashes, and its fourth ends with ", and", which joins the fifth to it; the French has a) to f)',
      check: ({ french, english }) => /^f\) /m.test(french) && /Tribunal, and\s+— Reiterates/.test(english),
    },
  ],
};

function differencesOf(pair: Pair): { measure: Measure; french: number; english: number }[] {
  const french = outlineOf(pair.frenchDraft);
  const english = outlineOf(pair.englishDraft);
  return (['operative', 'subparagraphs', 'footnotes'] as const)
    .filter((measure) => french[measure] !== english[measure])
    .map((measure) => ({ measure, french: french[measure], english: english[measure] }));
}

const isWarningOrError = (finding: Finding): boolean => finding.severity === 'error' || finding.severity === 'warning';

/**
 * Findings on the French corpus that come from flaws LANGUAGES.md lists, each checked against its
 * text; they are reported but left out of the rate. None today: paragraphs 1 and 2 of 252, merged
 * on one line in the source (LANGUAGES.md), are read as two again ("… générale 2. Considère …").
 */
const listedFlaws: readonly { readonly file: string; readonly ruleId: string; readonly reason: string; readonly check: (text: string) => boolean }[] = [];

/** Openers the French lexicon must not learn: OCR misreadings LANGUAGES.md's "Known artifacts" stand for. */
const misreadOpeners: Readonly<Record<string, string>> = {
  S_RES_464_1980: 'Avant examiné', // "Ayant examiné", y read as v
  S_RES_892_1993: 'Sefilicitant', // "Se félicitant", space and accent lost
};

describe('drafts in French and Spanish', function () {
  this.timeout(60000);
  let pairs: Pair[] = [];

  before(function () {
    if (frenchFiles().length === 0) this.skip();
    pairs = frenchFiles().map((file) => {
      const french = fs.readFileSync(path.join(frenchFolder, file), 'utf8');
      const english = fs.readFileSync(path.join(corpusFolder, file), 'utf8');
      return { name: path.basename(file, '.txt'), french, english, frenchDraft: parse(french), englishDraft: parse(english) };
    });
  });

  describe('the French corpus (../shared/corpus/fr)', () => {
    it('reads every text as French, from its chapeau', () => {
      assert.equal(pairs.length, 40);
      const misread = pairs.filter((pair) => pair.frenchDraft.language !== 'fr' || !pair.frenchDraft.parts[0]?.chapeau).map((pair) => `${pair.name}: ${pair.frenchDraft.language}`);
      assert.deepEqual(misread, []);
    });

    it('knows every opener, but for the OCR misreadings listed', () => {
      const unknown: string[] = [];
      for (const pair of pairs) {
        for (const paragraph of pair.frenchDraft.paragraphs) {
          if (paragraph.opener?.match) continue;
          const words = pair.french.slice(paragraph.textStart, paragraph.textStart + 40);
          const misread = misreadOpeners[pair.name];
          if (misread && words.startsWith(misread)) continue;
          unknown.push(`${pair.name}: ${words}`);
        }
      }
      assert.deepEqual(unknown, []);
      for (const [name, words] of Object.entries(misreadOpeners)) {
        assert.ok(pairs.find((pair) => pair.name === name)?.french.includes(`\n${words} `), `${name} no longer holds the misreading "${words}"`);
      }
    });

    it(`lints with at most ${maximumRate} warnings and errors per 100 paragraphs (listed flaws left out)`, () => {
      let paragraphs = 0;
      const counted: string[] = [];
      const excused: string[] = [];
      const perRule = new Map<string, number>();
      for (const pair of pairs) {
        const { draft, findings } = lint(pair.french);
        paragraphs += draft.paragraphs.reduce((sum, paragraph) => sum + 1 + countSubparagraphs(paragraph.subparagraphs), 0);
        for (const finding of findings.filter(isWarningOrError)) {
          const line = pair.french.slice(0, finding.span.start).split('\n').length;
          const where = `${pair.name}:${line} ${finding.ruleId}: ${finding.message}`;
          const flaw = listedFlaws.find((item) => item.file === pair.name && item.ruleId === finding.ruleId);
          if (flaw) {
            assert.ok(flaw.check(pair.french), `${pair.name}: the listed flaw "${flaw.reason}" is not in the text any more`);
            excused.push(`${where} (${flaw.reason})`);
            continue;
          }
          counted.push(where);
          perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
        }
      }
      const rate = (counted.length / paragraphs) * 100;
      console.log(`\n    fr/: ${pairs.length} texts, ${paragraphs} paragraphs and sub-paragraphs; warnings + errors: ${counted.length} = ${rate.toFixed(2)} per 100 (limit ${maximumRate})`);
      for (const [ruleId, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`      ${String(count).padStart(5)}  ${ruleId}`);
      for (const where of counted) console.log(`      ${where}`);
      for (const where of excused) console.log(`      left out: ${where}`);
      assert.ok(rate <= maximumRate, `${rate.toFixed(2)} per 100 paragraphs:\n${counted.join('\n')}`);
    });
  });

  describe('the outline of each French text and its English counterpart', () => {
    it('agrees, but for the pairs listed, whose reasons the texts bear out', () => {
      const unexplained: string[] = [];
      const explained: string[] = [];
      for (const pair of pairs) {
        for (const difference of differencesOf(pair)) {
          const listed = [...(knownDifferences[pair.name] ?? []), footnoteTextsDropped].find((item) => item.measure === difference.measure);
          const described = `${pair.name}: ${difference.measure} ${difference.french} (fr) / ${difference.english} (en)`;
          if (listed && listed.check(pair)) explained.push(`${described}: ${listed.reason}`);
          else unexplained.push(described + (listed ? ` (listed as "${listed.reason}", which the texts do not bear out)` : ''));
        }
      }
      console.log(`\n    outlines: ${pairs.length} pairs, ${explained.length} differences explained`);
      for (const line of explained.filter((item) => !item.includes(footnoteTextsDropped.reason))) console.log(`      ${line}`);
      const footnotePairs = explained.filter((item) => item.includes(footnoteTextsDropped.reason)).map((item) => item.split(':')[0]);
      console.log(`      footnotes (${footnotePairs.length} pairs): ${footnoteTextsDropped.reason}: ${footnotePairs.join(', ')}`);
      assert.deepEqual(unexplained, []);
    });

    it('lists only pairs that still differ', () => {
      const stale = Object.entries(knownDifferences).flatMap(([name, differences]) => {
        const pair = pairs.find((item) => item.name === name);
        if (!pair) return [`${name}: no such pair`];
        const measures = new Set(differencesOf(pair).map((difference) => difference.measure));
        return differences.filter((difference) => !measures.has(difference.measure)).map((difference) => `${name}: ${difference.measure} agrees now`);
      });
      assert.deepEqual(stale, []);
    });
  });

  describe('language detection', () => {
    const chapeaus: readonly [string, string][] = [
      ["L'Assemblée générale,", 'fr'],
      ['L’Assemblée générale,', 'fr'],
      ["L'Assemblée générale", 'fr'],
      ['Le Conseil de sécurité,', 'fr'],
      ['Le Conseil de sécurité.', 'fr'],
      ['Le Conseil économique et social,', 'fr'],
      ["Le Conseil des droits de l'homme,", 'fr'],
      ['Le Conseil des droits de l’homme,', 'fr'],
      ['La Asamblea General,', 'es'],
      ['El Consejo de Seguridad,', 'es'],
      ['El Consejo Económico y Social,', 'es'],
      ['El Consejo de Derechos Humanos,', 'es'],
      ['The General Assembly,', 'en'],
    ];
    for (const [chapeau, language] of chapeaus) {
      it(`reads "${chapeau}" as ${language}`, () => {
        const draft = parse(`${chapeau}\n\nRappelant sa résolution 60/1,\n\n1. Décide de rester saisi de la question.\n`);
        assert.equal(draft.language, language);
        assert.ok(draft.parts[0]?.chapeau, 'the chapeau is read');
      });
    }

    describe('without a chapeau, by the words of its prose before the words that open its lines', () => {
      // Items of a declaration open with infinitives, and "Invite" is a French opener: counted by
      // openers alone, this English piece was read as French, and "Invite" opened its body.
      const englishItems = [
        'which shall be decided no later than the eighty-fifth session of the Assembly;',
        '',
        '(b)',
        'Request the Secretary-General, in consultation with Member States, to prepare a report;',
        '',
        '(c)',
        'Invite the United Nations regional commissions, within their respective mandates, to convene preparatory meetings;',
        '',
        '(d)',
        'Invite the Economic and Social Council and the funds and programmes of the United Nations to contribute to the follow-up;',
        '',
      ].join('\n');

      it('reads an English piece whose items open with a French opener as English', () => {
        assert.equal(parse(englishItems).language, 'en');
      });

      it('reads a French piece as French, and a Spanish one as Spanish', () => {
        assert.equal(parse('Rappelant sa résolution 60/1 du 16 septembre 2005 et les résolutions de la Commission sur la question,\n\nPrie le Secrétaire général de lui présenter un rapport sur les progrès accomplis dans la mise en œuvre des recommandations;\n').language, 'fr');
        assert.equal(parse('Recordando su resolución 60/1 y las resoluciones de la Comisión sobre el tema,\n\nPide al Secretario General que le presente un informe sobre los progresos realizados en la aplicación de sus recomendaciones y las de los Estados;\n').language, 'es');
      });

      it('falls back on the openers where the words are too few to tell', () => {
        assert.equal(parse('Rappelant sa résolution 60/1,\n\n1. Décide de rester saisi.\n').language, 'fr');
      });
    });

    it('lets the language setting override the chapeau', () => {
      const text = 'The General Assembly,\n\nRecordando su resolución 60/1,\n\n1. Pidiendo al Secretario General que presente un informe.\n';
      const { draft, findings } = lint(text, { ...defaultSettings, language: 'es' });
      assert.equal(draft.language, 'es');
      assert.ok(findings.some((finding) => finding.ruleId === 'operative-verb' && finding.message.includes('«Pide»')));
    });
  });

  describe('what the editor says about a French or Spanish draft', () => {
    const french = "L'Assemblée générale,\n\nRappelant sa résolution 60/1[^1] ;\n\n1. Prie le Secrétaire général de lui faire rapport ;\n\n3. Décide de rester saisie de la question ;\n\n[^1]: voir A/60/1.\n";
    const spanish = 'La Asamblea General,\n\nRecordando su resolución 60/1[^1];\n\n1. Pide al Secretario General que le presente un informe;\n\n3. Decide seguir ocupándose de la cuestión;\n\n[^1]: véase A/60/1.\n';
    const titlesAt = (text: string, needle: string): string[] => {
      const result = lint(text);
      const at = text.indexOf(needle);
      return codeActionsFor(result, { start: at, end: at + needle.length }, { settings: defaultSettings }).map((action) => action.title);
    };

    it('titles the source actions in the draft\'s language too', () => {
      const sourceTitles = (text: string): string[] =>
        codeActionsFor(lint(text), { start: 0, end: 0 }, { settings: defaultSettings, only: ['source'] }).map((action) => action.title).sort();
      assert.deepEqual(sourceTitles(french), ['Corriger tous les problèmes Resolint', 'Renuméroter les paragraphes du dispositif']);
      assert.deepEqual(sourceTitles(spanish), ['Corregir todos los problemas de Resolint', 'Renumerar los párrafos dispositivos']);
    });

    it('titles the quick fixes in the draft\'s language', () => {
      assert.deepEqual(titlesAt(french, '3.'), ['Renuméroter les paragraphes du dispositif']);
      assert.deepEqual(titlesAt(french, 'question ;'), ['Remplacer « ; » par « . »', 'Corriger tous les problèmes « paragraph-punctuation »']);
      assert.deepEqual(titlesAt(french, 'voir A/60/1'), ['Mettre la première lettre en majuscule']);
      assert.deepEqual(titlesAt(spanish, '3.'), ['Renumerar los párrafos dispositivos']);
      assert.deepEqual(titlesAt(spanish, 'cuestión;'), ['Sustituir «;» por «.»', 'Corregir todos los problemas «paragraph-punctuation»']);
      assert.deepEqual(titlesAt(spanish, '60/1[^1];'), ['Sustituir «;» por «,»', 'Corregir todos los problemas «paragraph-punctuation»']);
    });

    it('hovers over footnotes, openers and references in the draft\'s language', () => {
      const hover = (text: string, needle: string, offset = 0): string | undefined => hoverAt(parse(text), text.indexOf(needle) + offset)?.markdown;
      assert.equal(hover(french, '[^1] ;', 1), '**Note 1** : voir A/60/1.');
      assert.equal(hover(french, 'Prie')?.split('\n\n')[0], '**Prie** (dispositif) — au préambule : *Priant*');
      assert.equal(hover(spanish, '[^1];', 1), '**Nota 1**: véase A/60/1.');
      assert.equal(hover(spanish, 'Pide')?.split('\n\n')[0], '**Pide** (dispositivo) — en el preámbulo: *Pidiendo*');
      const withReference = french.replace('rapport ;', 'rapport (voir le paragraphe 7 ci-dessous) ;');
      assert.equal(hover(withReference, 'paragraphe 7', 'paragraphe '.length), "Cette résolution n'a pas de paragraphe 7 au dispositif.");
      // "subparagraph (e) above" in a paragraph with no (e): said so, in the draft's bracket style, not the paragraph quoted.
      const withSubReference = french.replace('rapport ;', "rapport (voir l'alinéa e) ci-dessus) ;");
      assert.equal(hover(withSubReference, 'alinéa e)', 2), "Ce paragraphe n'a pas d'alinéa e).");
      assert.equal(definitionAt(parse(withSubReference), withSubReference.indexOf('alinéa e)') + 2), undefined);
      // Among lettered operative paragraphs, « aux a) iii) ci-dessus » names paragraph a)'s item iii).
      const lettered = "Le Conseil de sécurité,\n\na) Exige que les parties respectent ce qui suit :\n\ni) Cesser les hostilités ;\n\nii) Libérer les détenus ;\n\niii) Permettre l'accès ;\n\nb) Prie le Secrétaire général de rendre compte des mesures visées aux a) iii) ci-dessus.\n";
      const landing = definitionAt(parse(lettered), lettered.indexOf('a) iii) ci-dessus'))?.targets[0]?.selectionSpan;
      assert.equal(landing && lettered.slice(landing.start, landing.end), 'iii)');
    });

    it('offers an adverb\'s adjectives in the organ\'s gender, as English lists "Deeply concerned"', () => {
      const offered = (text: string, language: string): string[] =>
        completionsAt(parse(text), text.length, { lexicon: lexiconFor(language), alsoPosition: 'auto' }).map((completion) => completion.label);
      assert.deepEqual(offered("L'Assemblée générale,\n\nProfondément pr", 'fr'), ['Profondément préoccupée']);
      assert.deepEqual(offered('Le Conseil de sécurité,\n\nProfondément pr', 'fr'), ['Profondément préoccupé']);
      assert.deepEqual(offered('La Asamblea General,\n\nProfundamente pr', 'es'), ['Profundamente preocupada']);
      // Not a participle: « Profondément rappelant » is no opener.
      assert.deepEqual(offered("L'Assemblée générale,\n\nProfondément rap", 'fr'), []);
    });

    it('offers the chapeau on a new draft\'s first line, in each language, the draft\'s first', () => {
      const chapeaus = (text: string, language: string): string[] =>
        completionsAt(parse(text), text.length, { lexicon: lexiconFor(language), alsoPosition: 'auto' }).filter((completion) => completion.kind === 'chapeau').map((completion) => completion.label);
      assert.deepEqual(chapeaus('', 'en').slice(0, 2), ['The General Assembly,', 'The Security Council,']);
      assert.deepEqual(chapeaus("L'Ass", 'fr').slice(0, 2), ["L'Assemblée générale,", 'Le Conseil de sécurité,']);
      assert.ok(chapeaus("L'Ass", 'en').includes("L'Assemblée générale,"));
      assert.ok(chapeaus('', 'es').includes('El Consejo de Seguridad,'));
      // Not once the draft has one, nor under other text.
      assert.deepEqual(chapeaus('The General Assembly,\n\nRec', 'en'), []);
      assert.deepEqual(chapeaus('Recalling its resolution 60/1,\n\nThe Gen', 'en'), []);
    });

    it('names the outline\'s groups and describes completions in the draft\'s language', () => {
      assert.deepEqual(documentSymbols(parse(french)).map((symbol) => symbol.name), ["L'Assemblée générale,", 'Préambule', 'Dispositif', 'Notes']);
      assert.deepEqual(documentSymbols(parse(spanish)).map((symbol) => symbol.name), ['La Asamblea General,', 'Preámbulo', 'Parte dispositiva', 'Notas']);
      const typed = `${french}\nRappelant aussi [^`;
      const details = completionsAt(parse(typed), typed.length, { lexicon: lexiconFor('fr'), alsoPosition: 'auto' }).map((completion) => completion.detail);
      assert.deepEqual(details, ['voir A/60/1.', 'une nouvelle note']);
    });

    it('says it in English for an English draft, as before', () => {
      const english = 'The General Assembly,\n\nRecalling its resolution 60/1[^1];\n\n1. Requests the Secretary-General to report;\n\n3. Decides to remain seized of the matter;\n\n[^1]: see A/60/1.\n';
      assert.deepEqual(titlesAt(english, '3.'), ['Renumber operative paragraphs']);
      assert.deepEqual(titlesAt(english, 'matter;'), ["Replace ';' with '.'", 'Fix all paragraph-punctuation problems']);
      assert.equal(hoverAt(parse(english), english.indexOf('[^1]') + 1)?.markdown, '**Footnote 1**: see A/60/1.');
    });
  });

  describe('the lexicons', () => {
    for (const language of ['fr', 'es']) {
      it(`${language}: translates every opener message, with known placeholders only`, () => {
        const messages = lexiconFor(language)?.messages ?? {};
        const keys = Object.keys(messagePlaceholders) as MessageKey[];
        assert.deepEqual(keys.filter((key) => messages[key] === undefined), [], 'messages without a template');
        assert.deepEqual(Object.keys(messages).filter((key) => !(key in messagePlaceholders)), [], 'templates for no message');
        const badPlaceholders = keys.flatMap((key) =>
          [...(messages[key] ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').filter((name) => !(messagePlaceholders[key] as readonly string[]).includes(name)).map((name) => `${key}: {${name}}`));
        assert.deepEqual(badPlaceholders, []);
      });

      it(`${language}: gives each opener a right form, and no form to two openers`, () => {
        const lexicon = lexiconFor(language);
        assert.ok(lexicon);
        const problems: string[] = [];
        const owner = new Map<string, string>();
        for (const entry of lexicon.openers) {
          const name = entry.operative ?? entry.preambular ?? '?';
          if (!entry.operative && !entry.preambular) problems.push(`${name}: neither an operative nor a preambular form`);
          if (entry.feminine && !entry.preambular) problems.push(`${name}: a feminine form without the masculine`);
          for (const form of [entry.operative, entry.preambular, entry.feminine, ...entry.forms]) {
            if (!form) continue;
            const key = form.toLowerCase();
            const other = owner.get(key);
            if (other !== undefined && other !== name) problems.push(`'${form}' belongs to '${other}' and '${name}'`);
            owner.set(key, name);
          }
        }
        assert.deepEqual(problems, []);
      });

      it(`${language}: knows the gender of every organ of its chapeaus`, () => {
        const conventions = languageConventions.find((item) => item.language === language);
        assert.ok(conventions?.organGenders);
        assert.deepEqual(conventions.organs.filter((organ) => !conventions.organGenders?.[organ]), []);
      });
    }

    describe('the closing block\'s pattern, its sources under one anchor', () => {
      const sources = languageConventions.flatMap((conventions) => conventions.closingPatterns);
      /** The sources joined as they are, each with its own anchor: what the one pattern must mean. */
      const joined = new RegExp(sources.join('|'), 'iu');
      const sameAnswer = (line: string): void => assert.equal(closingLinePattern.test(line), joined.test(line), JSON.stringify(line));

      it('shares one anchor among every source (each anchored, none with a | of its own outside a group)', () => {
        assert.ok(closingLinePattern.source.startsWith('^(?:'), closingLinePattern.source);
        assert.ok(!closingLinePattern.source.slice(1).includes('|^'), closingLinePattern.source);
      });

      it('answers as the sources joined do, on every line of the corpora and on closing lines in each language', () => {
        const folders = [corpusFolder, frenchFolder].filter((folder) => fs.existsSync(folder));
        let closing = 0;
        for (const folder of folders) {
          for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
            for (const line of fs.readFileSync(path.join(folder, name), 'utf8').split('\n')) {
              sameAnswer(line.trim());
              if (joined.test(line.trim())) closing++;
            }
          }
        }
        if (folders.length > 0) assert.ok(closing > 100, `${closing} closing lines`);
        for (const line of ['84th plenary meeting', 'ADOPTED at the 4000th meeting', '12e séance plénière', 'Adoptée à l\'unanimité', '3.ª sesión plenaria', 'Aprobada', '5-е пленарное заседание', 'принята', 'الجلسة العامة 84', 'اتخذ', '第84次全体会议', '通过', '1. Requests', 'Recalling', '']) {
          sameAnswer(line);
        }
      });

      it('answers as the sources joined do on any text', () => {
        const piece = fc.constantFrom('84', 'th', 'st', ' plenary', ' meeting', 'Adopted', 'adoptée', 'ª', '.ª', ' sesión', '-е пленарное заседание', 'Принята', 'اتخذ', '第', '次全体会议', '通过', ' ', '\n', 'x', '1.');
        fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => sameAnswer(pieces.join(''))), { numRuns: 2000 });
      });

      it('leaves a source that is not anchored, or has a | of its own, an alternative of its own', () => {
        const pattern = oneAnchoredPattern(['^a', 'b', '^c|d', '^(?:e|f)', '^[|]g'], '');
        for (const text of ['a', 'xb', 'c', 'xd', 'e', 'f', '|g']) assert.ok(pattern.test(text), text);
        for (const text of ['xa', 'xc', 'xe', 'x|g']) assert.ok(!pattern.test(text), text);
      });
    });
  });
});
