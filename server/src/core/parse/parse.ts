import type { Draft } from '../model';
export interface ParseOptions { readonly language?: string; readonly extraOpeners?: { readonly operative: readonly string[]; readonly preambular: readonly string[] } }
export function parse(text: string, _options: ParseOptions = {}): Draft {
  return { text, form: 'canonical', language: 'en', parts: [], paragraphs: [], footnoteCalls: [], footnoteTexts: [], blocks: [], annexes: [] };
}
