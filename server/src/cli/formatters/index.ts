// The output formats by their --format name.
import type { OutputFormat } from '../arguments';
import type { Formatter } from './formatter';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const formatters: Readonly<Record<OutputFormat, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
};

export type { Formatter, FormatContext } from './formatter';
