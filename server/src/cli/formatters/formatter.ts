// What every output format receives, and returns: the whole output as one string.
import type { Rule } from '../../core/index';
import type { FileReport } from '../report';

export interface FormatContext {
  /** Every registered rule, for formats that describe them (SARIF). */
  readonly rules: readonly Rule[];
  readonly toolVersion: string;
  /** Whether ANSI colours may be used (stdout is a terminal and NO_COLOR is not set). */
  readonly colors: boolean;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;
