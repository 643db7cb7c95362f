// Language knowledge as data: the lexicon files (en.json …) hold openers, their paired forms,
// the words that mark a repeated opener, and organ names. Rules read them through this module.
import english from './en.json';
import spanish from './es.json';
import french from './fr.json';
import languages from './languages.json';

// Editorial style (dates, ordinals, citations, spelling) lives beside the openers, per language: style.ts.
export { styleFor, type StyleData } from './style';

/** One opener as the lexicon knows it, with the form each part of a resolution takes. */
export interface OpenerEntry {
  /** Third person present, as an operative paragraph opens: "Requests", "Takes note". */
  readonly operative?: string;
  /** Participle or adjective, as a preambular paragraph opens: "Requesting", "Taking note", "Aware". */
  readonly preambular?: string;
  /** Other forms of the same verb seen in drafts: "Request", "Requested". */
  readonly forms: readonly string[];
  /** A usage note shown on hover. */
  readonly note?: string;
  /** A participle that may open an operative paragraph as a clause before its verb: "Acting under Chapter VII …, decides". */
  readonly opensOperativeClause?: boolean;
  /**
   * Adopted texts repeat this opener in consecutive preambular paragraphs with or without the additive
   * word ("Reaffirming that …, Reaffirming its deep concern …"): repeated-opener does not ask for it.
   */
  readonly additiveOptional?: boolean;
  /**
   * In languages where the preambular adjective agrees with the organ: its feminine form, `preambular`
   * being the masculine ("Préoccupée" for l'Assemblée, "Préoccupé" for le Conseil).
   */
  readonly feminine?: string;
  /**
   * The adjective after this opener agrees with the organ, as an adjective opener does: « Se déclarant
   * (profondément) préoccupé » (le Conseil), « préoccupée » (l'Assemblée).
   */
  readonly adjectiveAgrees?: boolean;
}

export interface LexiconData {
  readonly language: string;
  /** The endings of the adverbs that may stand between an opener and the adjective that agrees after it (« profondément »). */
  readonly adverbEndings?: readonly string[];
  /** Word endings that mark a verb form, for telling an unknown opener from an ordinary word. */
  readonly verbEndings: readonly string[];
  /**
   * The third person plural a drafter slips into for an operative verb (« Demandent », «Solicitan»):
   * each ending of the verb with the plural's ending that takes its place; the verb is the operative form's
   * first word, or its second after a pronoun (« Se félicite » → « Se félicitent »). Read as wrong
   * forms of the entry, as its listed `forms` are.
   */
  readonly plural?: { readonly endings: readonly { readonly ending: string; readonly plural: string }[]; readonly pronouns: readonly string[] };
  /**
   * The other tenses a drafter copies from a report or a summary into an operative paragraph
   * (« Décidé », « A décidé », «Decidió», «Ha decidido»): each ending of the verb (found as `plural`
   * finds it) with the endings that take its place, the first of them the past participle, which
   * also follows `auxiliary` in lower case. Read as wrong forms of the entry, as its listed `forms`
   * are; an ending that makes no word of the language ("Reconocirá") is never met and costs nothing.
   */
  readonly otherTenses?: {
    readonly endings: readonly { readonly ending: string; readonly forms: readonly string[] }[];
    readonly auxiliary?: string;
    /** Verbs whose other tenses no ending makes (« Prend »: « Prit », « A pris »), each with its forms as written, compound ones too. */
    readonly irregular?: Readonly<Record<string, readonly string[]>>;
  };
  /**
   * How an operative paragraph written in the passive reads ("Member States are urged to …"), for
   * operative-verb to say so and write it in the active ("Urges Member States to …"): the auxiliaries
   * between subject and participle, the endings of a participle among the entries' `forms`
   * ("Urged", "Called upon"), the determiners a subject opens with that the active writes in lower
   * case ("All States" → "Calls upon all States"), the subjects that are no one's ("It is decided"), and
   * the words that open a relative clause inside a subject.
   * Absent where the language's passive is not read yet.
   */
  readonly passive?: {
    readonly auxiliaries: readonly string[];
    readonly participleEndings: readonly string[];
    readonly determiners: readonly string[];
    readonly emptySubjects: readonly string[];
    /** Words that open a relative clause inside the subject ("States that are parties …"), whose auxiliary is not the passive's. */
    readonly relativePronouns: readonly string[];
    /**
     * Participles made from an entry's infinitive where its forms hold none: French « Prier » gives
     * « prié », « priée », « priés », « priées ». Each infinitive ending with the participles' endings.
     */
    readonly participlesOfInfinitive?: readonly { readonly infinitive: string; readonly participles: readonly string[] }[];
    /** Whether adverbs follow the verb in the active ("Prie également les États"), not precede it ("Also requests States"). */
    readonly adverbsFollowVerb?: boolean;
  };
  /** Capitalised words that begin ordinary sentences, never reported as unknown openers. */
  readonly unknownOpenerExceptions: readonly string[];
  /** Adverbs that may stand before an operative verb: "Also", "Strongly", "Once again". */
  readonly operativeAdverbs: readonly string[];
  /** Adverbs that may stand before a preambular phrase: "Deeply", "Gravely". */
  readonly preambularAdverbs: readonly string[];
  /** Words that may follow an opener and belong to it: "with appreciation", "with concern". */
  readonly modifiers: readonly string[];
  /** The word a second consecutive use of an opener carries, and the word later ones carry. */
  readonly additive: {
    readonly second: string;
    readonly later: readonly string[];
    /** Words right after a repeated opener that make it a new statement, not a repeat: "in particular". */
    readonly distinguishers: readonly string[];
    /** The additive words that count after an operative verb; `second` alone where absent ("Encourages further efforts" is no repeat). */
    readonly afterOperative?: readonly string[];
    /** Where the language lets the additive word stand, when it allows one side only ("Prie également", never "Également prie"). */
    readonly positions?: readonly ('before' | 'after')[];
    /** Where the additive word stands in the preamble, when the language fixes it there only ("Recalling also", never "Also recalling"). */
    readonly preambularPositions?: readonly ('before' | 'after')[];
  };
  readonly openers: readonly OpenerEntry[];
  /** Words followed by a number that is not a footnote call: "Article 2 and", "Goal 5 of". */
  readonly numberedNouns: readonly string[];
  /** Lower-case words after which a number counts something ("from 6 to 22", "there are 2"), never a call. */
  readonly wordsBeforeCounts: readonly string[];
  /** Words no sentence ends with ("the", "to"): a paragraph ending in one was cut short, not left unpunctuated. */
  readonly wordsThatCannotEnd: readonly string[];
  /** How the text points at its own paragraphs: "paragraphs 3 and 4 above", "subparagraph (b) below". */
  readonly crossReferences: {
    readonly paragraph: readonly string[];
    readonly subparagraph: readonly string[];
    readonly above: readonly string[];
    readonly below: readonly string[];
    /** "of the present resolution": the paragraph is this text's, with no direction. */
    readonly thisText: readonly string[];
    /**
     * Words after a number that make its paragraph another text's, besides the first words of `thisText`
     * and `ofParagraph` ("paragraph 4 thereof", « paragraphe 4 des Principes »); and words before the
     * word for a paragraph that do ("its paragraph 4", « ses paragraphes »). A reference with no
     * direction is read as the resolution's own only without them (findUndirectedReferences).
     */
    readonly otherTextAfter?: readonly string[];
    readonly otherTextBefore?: readonly string[];
    /** Between a sub-paragraph's label and its paragraph's number: "subparagraph (b) of paragraph 6 above". */
    readonly ofParagraph?: readonly string[];
    /**
     * Words a sub-paragraph named without its head word follows ("as set out in (b) above", « au b)
     * ci-dessus »), lower case; after any other word a label before a direction word is no reference:
     * "5 per cent (sic) above", "3,000 metres (m) above sea level".
     */
    readonly beforeBareLabels?: readonly string[];
    readonly list: readonly string[];
    readonly range: readonly string[];
  };
  /**
   * Rule messages that quote the draft, in its language, by message key ("operative-verb/wrong-form"):
   * templates with `{name}` placeholders (messages.ts lists the keys). English messages are the rules' own.
   */
  readonly messages?: Readonly<Record<string, string>>;
}

export interface Lexicon extends LexiconData {
  /** Every form of every opener, lower case, mapped to its entry (longest phrases first in `phrases`). */
  readonly byForm: ReadonlyMap<string, OpenerForm>;
  /** The most words any form has, to bound the look-ahead when matching. */
  readonly longestForm: number;
  /** The keys of `byForm`, as a set for phrase matching. */
  readonly formKeys: ReadonlySet<string>;
}

export type FormKind = 'operative' | 'preambular' | 'other';

export interface OpenerForm {
  readonly entry: OpenerEntry;
  readonly kind: FormKind;
  /** The form as the lexicon spells it. */
  readonly text: string;
  readonly wordCount: number;
}

/** What every language's drafts share the shape of: the chapeau and the closing block (languages.json). */
export interface LanguageConventions {
  readonly language: string;
  /** Words before the organ's name: "The", "Le", "La", "L'". */
  readonly articles: readonly string[];
  /**
   * The nouns another body's chapeau opens with after its article, in a language that capitalises its
   * first word only (« La Commission de la condition de la femme, », «La Comisión de Estupefacientes,»):
   * English reads any "The <Capitalised Words>," as a chapeau; these languages need the noun.
   */
  readonly genericOrganNouns?: readonly string[];
  readonly organs: readonly string[];
  /** The mark that closes a chapeau: "," or "،" or "，". */
  readonly comma: string;
  /** Patterns (regular expression sources) of the lines that close a resolution: "84th plenary meeting", "Adopted …". */
  readonly closingPatterns: readonly string[];
  /**
   * Patterns of the lines a draft carries about itself after its last paragraph, as Model UN drafts and
   * negotiation drafts do: "Sponsors: France, Germany", "Signatories: …". Not paragraphs, not an adoption.
   */
  readonly draftMetadataPatterns?: readonly string[];
  /**
   * Patterns of a label over the preamble or the operative part, as Model UN templates print one
   * ("Preambular clauses:", "**Operative Clauses**"), read without its Markdown and final colon:
   * not part of the resolution's text, and no paragraph.
   */
  readonly partLabelPatterns?: readonly string[];
  /** The words that head an annex: "Annex", "Annexe", "Anexo". */
  readonly annexWords: readonly string[];
  /** The marks that end paragraphs: preambular, operative, the last operative, and one that introduces a list. */
  readonly paragraphMarks: { readonly preambular: string; readonly operative: string; readonly last: string; readonly introduces: string };
  /** Whether a footnote mark stands after the punctuation next to it ("resolution,[^1]") or before it. */
  readonly footnoteMarkPosition: 'after' | 'before';
  /** The words a footnote opens with to cite the source of the one before it ("Ibid."): its meaning depends on its place. */
  readonly sameSourceWords?: readonly string[];
  /** How a Security Council text records its adoption: "Adopted … at the 868th meeting". */
  readonly adoptionWord: string;
  readonly meetingWord: string;
  /** The grammatical gender of each organ, where openers agree with it (French, Spanish). */
  readonly organGenders?: Readonly<Record<string, 'masculine' | 'feminine'>>;
  /** How sub-paragraph labels are bracketed, by level (1 for "(a)", 2 for "(i)"): "parens" "(a)", "close" "a)". */
  readonly subparagraphBrackets?: readonly ('parens' | 'close' | 'dot')[];
  /**
   * Marks that take a space before them ("texte ; suite"), and the spaces that may stand there, the first
   * preferred; `after`: marks that take one of those spaces after them instead (« texte »).
   */
  readonly spaceBeforeMarks?: { readonly marks: readonly string[]; readonly spaces: readonly string[]; readonly after?: readonly string[] };
  /** The article an organ's name takes by its gender, and before a vowel where the language elides it ("L'"). */
  readonly genderArticles?: { readonly masculine: string; readonly feminine: string; readonly elided?: string };
  /** Words that run through any prose of the language ("the", "of"; "le", "des"): what a text without a chapeau is written in. */
  readonly commonWords?: readonly string[];
}

export const languageConventions: readonly LanguageConventions[] = languages as LanguageConventions[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An annex heading in any language: "Annex", "Annex I", "ANNEXE", "Anexo B", "Annex to resolution 80/5",
 * and with a footnote call after it, "Annex[^11]", "Annex¹¹".
 */
export const annexHeadingPattern = new RegExp(
  `^(?:${languageConventions.flatMap((conventions) => conventions.annexWords).map(escapeRegExp).join('|')})(?: [IVXLC]{1,6}| [A-Z]| \\d{1,2})?(?: (?:to|of|à|de|del) [^.;]{1,80})?\\.?(?:\\[\\^\\d{1,4}\\]|[\\u00B9\\u00B2\\u00B3\\u2070\\u2074-\\u2079]{1,4})?$`,
  'u',
);

/**
 * An annex word followed on the same line by the annex's title, as a copy that joined the heading's
 * lines leaves it: "Annex 2025 Political Declaration on the Implementation of …". Taken for a heading
 * only after the closing block, where annexes stand, and only when the line ends no sentence.
 */
export const annexTitledHeadingPattern = new RegExp(
  `^(?:${languageConventions.flatMap((conventions) => conventions.annexWords).map(escapeRegExp).join('|')})[ \\u00A0]+[\\p{Lu}\\d]`,
  'u',
);

/**
 * The meeting number of an adoption record in `text`, in any language: "Adopted at the 868th meeting",
 * "Adopted by the Security Council at its 3137th meeting", "Adoptée à la 259e séance" (OCR may read
 * digits as letters: "298Ist"). Found by searching the words, then reading the token before the
 * meeting word: one pattern for all of it backtracked polynomially.
 */
export function adoptionMeetingNumber(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const conventions of languageConventions) {
    const adopted = lower.indexOf(conventions.adoptionWord.toLowerCase());
    if (adopted < 0) continue;
    const meetingWord = conventions.meetingWord.toLowerCase();
    for (let meeting = lower.indexOf(meetingWord, adopted); meeting >= 0 && meeting - adopted < 140; meeting = lower.indexOf(meetingWord, meeting + 1)) {
      let end = meeting;
      while (end > adopted && /\s/.test(text[end - 1] ?? '')) end--;
      let start = end;
      while (start > adopted && end - start < 9 && !/\s/.test(text[start - 1] ?? '')) start--;
      const number = /^(\d[\dIlO]{0,3})\S{0,4}$/.exec(text.slice(start, end));
      if (number?.[1]) return number[1];
    }
  }
  return undefined;
}

/** The conventions of a language, or English's where the language is unknown. */
export function conventionsOf(language: string): LanguageConventions {
  return languageConventions.find((conventions) => conventions.language === language) ?? (languageConventions[0] as LanguageConventions);
}

/**
 * Reads a pattern's source as the engine reads its structure (an escape and the unit after it, and a
 * class, passed over) and calls `visit` at each other unit with the depth of the groups around it (for
 * "(" and ")", the depth before them): the index where `visit` first says true, or -1. The one reading
 * for the questions asked of a pattern's structure: a top-level "|", a group's end, the alternatives.
 */
export function findInPatternSource(source: string, visit: (character: string, index: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const character = source[index] as string;
    if (character === '\\') index++;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else {
      if (visit(character, index, depth)) return index;
      if (character === '(') depth++;
      else if (character === ')') depth--;
    }
  }
  return -1;
}

/** Whether a pattern source has a `|` outside any group or class: "^a|b" is "^a" or "b", not "^(?:a|b)". */
function hasTopLevelAlternation(source: string): boolean {
  return findInPatternSource(source, (character, _index, depth) => character === '|' && depth === 0) >= 0;
}

/**
 * Pattern sources as one pattern. Those anchored at the start share one anchor: `^(?:a|b|…)` means
 * what `^a|^b|…` means, and V8 runs it three times as fast (17 against 56 ns a line; the closing
 * block's pattern is tried some 10,000 times in a megabyte draft's parse, at each chunk).
 */
export function oneAnchoredPattern(sources: readonly string[], flags: string): RegExp {
  const anchored = sources.filter((source) => source.startsWith('^') && !hasTopLevelAlternation(source));
  const others = sources.filter((source) => !anchored.includes(source));
  const grouped = anchored.length > 0 ? [`^(?:${anchored.map((source) => source.slice(1)).join('|')})`] : [];
  return new RegExp([...grouped, ...others].join('|'), flags);
}

/** A line that opens the closing block, in any language. */
export const closingLinePattern = oneAnchoredPattern(languageConventions.flatMap((conventions) => conventions.closingPatterns), 'iu');

/** A line about the draft itself after its paragraphs ("Sponsors: France, Germany"), in any language. */
export const draftMetadataLinePattern = oneAnchoredPattern(languageConventions.flatMap((conventions) => conventions.draftMetadataPatterns ?? []), 'iu');

/** A label over the preamble or the operative part ("Operative clauses"), its Markdown and colon left out, in any language. */
export const partLabelPattern = oneAnchoredPattern(languageConventions.flatMap((conventions) => conventions.partLabelPatterns ?? []), 'iu');

/** The text with its letters' diacritics dropped: "Décide" → "Decide", "preocupación" → "preocupacion". */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function wordsOf(phrase: string): string[] {
  // Curly and straight apostrophes are one ("S’engage", "S'engage"): keys use the straight one, as the matcher does.
  return phrase.toLowerCase().replace(/’/g, "'").split(/\s+/).filter((word) => word !== '');
}

/** The operative form in the third person plural (`LexiconData.plural`), or undefined where no ending says how. */
function pluralOf(operative: string, plural: NonNullable<LexiconData['plural']>): string | undefined {
  const words = operative.split(' ');
  const verbAt = words.length > 1 && plural.pronouns.includes(words[0] as string) ? 1 : 0;
  const verb = words[verbAt] as string;
  for (const { ending, plural: pluralEnding } of plural.endings) {
    if (!verb.endsWith(ending)) continue;
    words[verbAt] = verb.slice(0, verb.length - ending.length) + pluralEnding;
    return words.join(' ');
  }
  return undefined;
}

/** The operative form in the other tenses of `LexiconData.otherTenses`, compound ones too; none where no ending says how. */
function otherTensesOf(operative: string, data: LexiconData): string[] {
  const tenses = data.otherTenses;
  if (!tenses) return [];
  const words = operative.split(' ');
  const pronounFirst = words.length > 1 && (data.plural?.pronouns ?? []).includes(words[0] as string);
  const verbAt = pronounFirst ? 1 : 0;
  const verb = words[verbAt] as string;
  const withVerb = (written: string): string => [...words.slice(0, verbAt), written, ...words.slice(verbAt + 1)].join(' ');
  // « Prend note »: « Prit note », « A pris note », as the data writes them; a pronoun's verb is not given any.
  const irregular = Object.hasOwn(tenses.irregular ?? {}, verb) ? tenses.irregular?.[verb] : undefined;
  if (irregular) return pronounFirst ? [] : irregular.map(withVerb);
  const found = tenses.endings.find(({ ending }) => verb.endsWith(ending));
  if (!found) return [];
  const stem = verb.slice(0, verb.length - found.ending.length);
  const forms = found.forms.map((ending) => withVerb(stem + ending));
  const participle = found.forms[0];
  // « A décidé »; a pronoun's verb takes another auxiliary (« S'est félicité »): not made.
  if (tenses.auxiliary && participle !== undefined && !pronounFirst) forms.push(`${tenses.auxiliary} ${withVerb(stem.toLowerCase() + participle)}`);
  return forms;
}

export function buildLexicon(data: LexiconData, extra?: { readonly operative: readonly string[]; readonly preambular: readonly string[] }): Lexicon {
  const openers: OpenerEntry[] = [...data.openers];
  for (const operative of extra?.operative ?? []) openers.push({ operative, forms: [] });
  for (const preambular of extra?.preambular ?? []) openers.push({ preambular, forms: [] });
  const byForm = new Map<string, OpenerForm>();
  let longestForm = 1;
  const add = (text: string | undefined, entry: OpenerEntry, kind: FormKind): void => {
    if (!text) return;
    const key = wordsOf(text).join(' ');
    const existing = byForm.get(key);
    // A form that is the right form of one entry wins over the same words as a wrong form of another.
    if (existing && (existing.kind !== 'other' || kind === 'other')) return;
    const wordCount = key.split(' ').length;
    longestForm = Math.max(longestForm, wordCount);
    byForm.set(key, { entry, kind, text, wordCount });
  };
  for (const entry of openers) {
    add(entry.operative, entry, 'operative');
    add(entry.preambular, entry, 'preambular');
    add(entry.feminine, entry, 'preambular');
  }
  for (const entry of openers) for (const form of entry.forms) add(form, entry, 'other');
  for (const entry of openers) if (entry.operative && data.plural) add(pluralOf(entry.operative, data.plural), entry, 'other');
  for (const entry of openers) if (entry.operative) for (const form of otherTensesOf(entry.operative, data)) add(form, entry, 'other');
  // A form typed without its accents ("Decide", "Reaffirmant", "Observando con preocupacion") is that
  // form misspelt, the commonest slip on a keyboard without them: read as the form, of its kind, so the
  // paragraph parses as it means, and the opener rules ask for the accents (`formWithItsAccents`). Only
  // where no form has those letters: a right or wrong form of the lexicon is never shadowed.
  for (const entry of openers) {
    for (const [text, kind] of [[entry.operative, 'operative'], [entry.preambular, 'preambular'], [entry.feminine, 'preambular']] as const) {
      if (!text) continue;
      const withoutAccents = withoutDiacritics(text);
      if (withoutAccents !== text && !byForm.has(wordsOf(withoutAccents).join(' '))) add(withoutAccents, entry, kind);
    }
  }
  return { ...data, openers, byForm, longestForm, formKeys: new Set(byForm.keys()) };
}

const builtInData: ReadonlyMap<string, LexiconData> = new Map([
  ['en', english as LexiconData],
  ['fr', french as LexiconData],
  ['es', spanish as LexiconData],
]);

/**
 * Each language's lexicon, built when first asked for: building the three took some 20 ms of the
 * language server's start (a third of its module's own start) and of every command line run, which
 * most drafts, in one language, never need the others for.
 */
const builtIn = new Map<string, Lexicon>();

/** The lexicon of `language` as the data give it, built once. */
function builtInLexicon(language: string): Lexicon | undefined {
  let lexicon = builtIn.get(language);
  if (!lexicon) {
    const data = builtInData.get(language);
    if (!data) return undefined;
    lexicon = buildLexicon(data);
    builtIn.set(language, lexicon);
  }
  return lexicon;
}

/** The languages that have a lexicon, English first. */
export const lexiconLanguages: readonly string[] = [...builtInData.keys()];

/** Each common word's language; a word two languages share ("de", "en") tells nothing, and is left out. */
const languageOfCommonWord: ReadonlyMap<string, string> = (() => {
  const languages = new Map<string, string | undefined>();
  for (const { language, commonWords } of languageConventions) {
    for (const word of commonWords ?? []) languages.set(word, languages.has(word) && languages.get(word) !== language ? undefined : language);
  }
  return new Map([...languages].flatMap(([word, language]) => (language ? [[word, language] as const] : [])));
})();

/**
 * The language whose common words `text` holds clearly most of (eight at least, three times the next
 * language's), or undefined: a few lines of prose tell their language more surely than the words that
 * open them, which may be another language's opener ("Invite", a French one, opens English items).
 */
export function languageOfWords(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const language = languageOfCommonWord.get(word);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < 8 || (second && first[1] < 3 * second[1])) return undefined;
  return first[0];
}

/** Language names for messages, which are English: a draft's language comes from its chapeau. */
const languageNames: Readonly<Record<string, string>> = {
  en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', ar: 'Arabic', zh: 'Chinese',
};

/** "French" for "fr"; the code in quotes for a language without a name here ("de"). */
export function languageName(language: string): string {
  return languageNames[language] ?? `"${language}"`;
}

/**
 * A language's organ names, each once: the curly apostrophe's spelling of a name is the same organ.
 * Worked out once per language table entry: the chapeau rule asks at every chapeau, and a whole
 * archive as one draft has hundreds (the list and its copies were a fifth of a lint's allocation).
 */
function distinctOrgans(conventions: LanguageConventions): readonly string[] {
  let organs = distinctOrgansOf.get(conventions);
  if (!organs) {
    const seen = new Set<string>();
    organs = conventions.organs.filter((organ) => {
      const key = organ.replace(/’/g, "'");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    distinctOrgansOf.set(conventions, organs);
  }
  return organs;
}
const distinctOrgansOf = new WeakMap<LanguageConventions, readonly string[]>();

/**
 * A chapeau in `language` with its article: "The General Assembly", "L'Assemblée générale", "El Consejo
 * de Seguridad". The organ is the one `organ` of `organLanguage` names (the language table lists each
 * language's organs in one order), or the first one, the General Assembly, where it has no such organ.
 */
export function exampleChapeau(language: string, organ?: string, organLanguage?: string): string {
  const conventions = conventionsOf(language);
  const index = organ === undefined || organLanguage === undefined ? -1 : distinctOrgans(conventionsOf(organLanguage)).indexOf(organ);
  const name = distinctOrgans(conventions)[Math.max(0, index)] ?? distinctOrgans(conventions)[0] ?? '';
  const byGender = conventions.genderArticles;
  const gender = conventions.organGenders?.[name];
  const article = byGender?.elided !== undefined && /^[AEIOUHÉÈÊÂÎÔ]/u.test(name) ? byGender.elided
    : byGender && gender ? byGender[gender]
      : conventions.articles[0];
  return article === undefined ? name : withArticle(article, name);
}

/** Every organ's chapeau in `language`, with its article and comma: "The General Assembly,", « Le Conseil de sécurité, ». */
export function chapeausOf(language: string): string[] {
  const conventions = conventionsOf(language);
  return distinctOrgans(conventions).map((organ) => `${exampleChapeau(conventions.language, organ, conventions.language)}${conventions.comma}`);
}

/** The lexicon of a language, with a body's extra openers when given; undefined where there is none yet. */
export function lexiconFor(
  language: string,
  extra?: { readonly operative: readonly string[]; readonly preambular: readonly string[] },
): Lexicon | undefined {
  const base = builtInLexicon(language);
  if (!base || !extra || (extra.operative.length === 0 && extra.preambular.length === 0)) return base;
  return buildLexicon(base, extra);
}

/** "The Security Council", "L'Assemblée générale": an organ's name after its article; an elided article ("L'") takes no space. */
export function withArticle(article: string, organ: string): string {
  const joiner = article.endsWith("'") || article.endsWith('’') ? '' : ' ';
  return `${article}${joiner}${organ}`;
}
