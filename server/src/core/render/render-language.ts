// What the outputs need to know of each language beyond the lexicon: month names (to read dates),
// the words of a masthead, how a resolution and a meeting are named. Data in render-language.json.
import data from './render-language.json';

export interface OrganData {
  /** AKN4UN actor: "un-ga", "un-sc". */
  readonly actor: string;
  /** The start of the organ's document symbols: "A/", "S/". */
  readonly symbolPrefix: string;
  /** The organ's name in English: "Security Council". */
  readonly showAs: string;
  /** Its name in the other languages a text may be in, by language: { fr: "Conseil de sécurité" }. */
  readonly showAsIn: Readonly<Record<string, string>>;
  readonly names: readonly string[];
}

interface RenderLanguageData {
  readonly language: string;
  readonly akn: string;
  readonly languageTag: string;
  readonly months: readonly string[];
  readonly date: string;
  readonly unitedNations: string;
  readonly distribution: string;
  readonly session: string;
  readonly agendaItem: string;
  readonly adoption: string;
  readonly reportLine: string;
  readonly gaTitle: string;
  readonly scTitle: readonly string[];
  readonly resolutionWord: string;
  readonly dateJoin: string;
  readonly meeting: string;
  readonly resolution: string;
  readonly draft: string;
  readonly annex: string;
  readonly distributionLabel: string;
}

/** One language's patterns, compiled once. */
export interface RenderLanguage {
  readonly language: string;
  /** ISO 639-2 code for Akoma Ntoso: "eng", "fra". */
  readonly akn: string;
  /** The language's tag for a word processor's proofing (UN English is British): "en-GB", "fr-FR". */
  readonly languageTag: string;
  /** A date "19 September 2025": groups day, month, year. */
  readonly date: RegExp;
  readonly months: readonly string[];
  readonly unitedNations: string;
  /** "Distr.:" ("Distr. " in French and Spanish, which write "Distr. générale") anywhere in a masthead line. */
  readonly distribution: RegExp;
  readonly session: RegExp;
  /** "Agenda item " anywhere in a masthead line. */
  readonly agendaItem: RegExp;
  readonly adoption: RegExp;
  readonly reportLine: RegExp;
  /** "80/1. " at the start of a title line: group 1 the number. */
  readonly gaTitle: RegExp;
  /** "Resolution 242 (1967)": groups number and year. */
  readonly scTitle: readonly RegExp[];
  /** The word "resolution" or "resolutions" (global: for scanning a stretch of text). */
  readonly resolutionWord: RegExp;
  /** "resolution 46/152 of 18 December 1991": groups number, then the date's day, month, year. */
  readonly datedReference: RegExp;
  /** "resolution 60/288" (no date): group 1 the number. */
  readonly undatedReference: RegExp;
  /** "resolution 1325 (2000)": groups number and year. */
  readonly councilReference: RegExp;
  /** "84th plenary meeting": group 1 the number, group 2 "plenary " when present. */
  readonly meeting: RegExp;
  readonly resolution: string;
  readonly draft: string;
  readonly annex: string;
  readonly distributionLabel: string;
}

const languages = new Map<string, RenderLanguage>();

for (const entry of data.languages as readonly RenderLanguageData[]) {
  const month = entry.months.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const date = entry.date.replace('MONTH', `${month}`);
  const resolutionWord = `(?<![\\p{L}])${entry.resolutionWord}`;
  languages.set(entry.language, {
    language: entry.language,
    akn: entry.akn,
    languageTag: entry.languageTag,
    date: new RegExp(date, 'iu'),
    months: entry.months.map((name) => name.toLowerCase()),
    unitedNations: entry.unitedNations,
    distribution: new RegExp(entry.distribution, 'u'),
    session: new RegExp(entry.session, 'iu'),
    agendaItem: new RegExp(entry.agendaItem, 'u'),
    adoption: new RegExp(entry.adoption, 'iu'),
    reportLine: new RegExp(entry.reportLine, 'u'),
    gaTitle: new RegExp(entry.gaTitle, 'u'),
    scTitle: entry.scTitle.map((source) => new RegExp(source, 'iu')),
    resolutionWord: new RegExp(resolutionWord, 'giu'),
    // « su resolución 77/247, de 30 de diciembre de 2022 »: Spanish sets the date off by a comma.
    datedReference: new RegExp(`(?<![\\d/])(\\d{1,3}/\\d{1,4}),? (?:${entry.dateJoin}) ${date}`, 'giu'),
    undatedReference: new RegExp(`${resolutionWord} (\\d{1,3}/\\d{1,4})(?![\\d/])`, 'giu'),
    councilReference: new RegExp(`${resolutionWord} (\\d{1,4}) \\((\\d{4})\\)`, 'giu'),
    // Not inside a word: a scan's "7I5e séance" is no 5th meeting.
    meeting: new RegExp(`(?<![\\p{L}\\p{N}])(?:${entry.meeting})`, 'iu'),
    resolution: entry.resolution,
    draft: entry.draft,
    annex: entry.annex,
    distributionLabel: entry.distributionLabel,
  });
}

/** The patterns of a language, English for a language without its own. */
export function renderLanguage(language: string): RenderLanguage {
  return languages.get(language) ?? (languages.get('en') as RenderLanguage);
}

/** Every language with patterns: masthead lines are read with each, since a draft may mix them. */
export const renderLanguages: readonly RenderLanguage[] = [...languages.values()];

/** Longest symbol prefix first, so "A/HRC/" wins over "A/". */
export const organs: readonly OrganData[] = data.organs as readonly OrganData[];

/** The ISO 639-2 code Akoma Ntoso uses for a language tag; "und" when unknown. */
export function aknLanguageCode(language: string): string {
  return (data.aknLanguages as Record<string, string | undefined>)[language] ?? 'und';
}

/** Reads "19 September 2025" (in the language's words) as "2025-09-19"; undefined for an impossible date. */
export function isoDate(day: string, month: string, year: string, language: RenderLanguage): string | undefined {
  const monthIndex = language.months.indexOf(month.toLowerCase());
  const dayNumber = Number(day);
  if (monthIndex < 0 || dayNumber < 1 || dayNumber > 31) return undefined;
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}

/** The first date in a text, with its offsets. */
export function findDate(text: string, language: RenderLanguage): { readonly start: number; readonly end: number; readonly iso: string } | undefined {
  const match = language.date.exec(text);
  if (!match) return undefined;
  const iso = isoDate(match[1] ?? '', match[2] ?? '', match[3] ?? '', language);
  return iso ? { start: match.index, end: match.index + match[0].length, iso } : undefined;
}

/** The organ a document symbol belongs to: "A/RES/61/181" → the General Assembly. */
export function organOfSymbol(symbol: string): OrganData | undefined {
  return [...organs].sort((a, b) => b.symbolPrefix.length - a.symbolPrefix.length).find((organ) => symbol.startsWith(organ.symbolPrefix));
}

/** The organ a name stands for, in any language: "Conseil de sécurité" → the Security Council. */
export function organOfName(name: string): OrganData | undefined {
  const wanted = name.toLowerCase();
  return organs.find((organ) => organ.names.some((candidate) => candidate.toLowerCase() === wanted));
}
