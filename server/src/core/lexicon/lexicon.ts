export interface Lexicon { readonly language: string }
export function lexiconFor(_language: string): Lexicon | undefined { return undefined; }
