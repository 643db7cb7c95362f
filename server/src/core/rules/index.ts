import type { Rule } from '../rule';
export const allRules: readonly Rule[] = [];
