import type { KnownAtInput } from '@timeline/application';
import { isCalendarDate, parseInstant } from '@timeline/domain';
import type { OptionSpec } from './command';

const instantProblem = (value: string) =>
  parseInstant(value) === undefined ? 'must be an ISO instant with an offset, e.g. 2024-12-07T18:00:00+03:00' : undefined;

/** Options several commands take, said and checked the same way in each (as the HTTP API checks them). */
export const DAY = {
  type: 'string',
  value: 'YYYY-MM-DD',
  check: (value) => (isCalendarDate(value) ? undefined : 'must be a date YYYY-MM-DD'),
  description: 'a day of the campaign, in its own time zone',
} as const satisfies OptionSpec;

export const AT = {
  type: 'string',
  value: 'ISO',
  check: instantProblem,
  description: 'an instant, with its offset',
} as const satisfies OptionSpec;

export const KNOWN_AT = {
  type: 'string',
  value: 'ISO|position',
  check: (value) =>
    /^\d+$/.test(value) || parseInstant(value) !== undefined
      ? undefined
      : 'must be an ISO instant with an offset (e.g. 2024-12-07T18:00:00+03:00) or a log position',
  description: 'as the record stood then: an ISO instant, or a log position',
} as const satisfies OptionSpec;

export const REPORTED_BY = {
  type: 'string',
  value: 'ISO',
  check: instantProblem,
  description: 'only the claim versions publicly reported by then (undated ones are left out and counted)',
} as const satisfies OptionSpec;

export const OPERATION = {
  type: 'string',
  value: '<id>',
  description: 'only the claims of this operation of the campaign',
} as const satisfies OptionSpec;

export const URL_OPTION = {
  type: 'string',
  value: '<url>',
  description: 'the running service (default: http://HOST:PORT from the environment, else http://127.0.0.1:3000)',
} as const satisfies OptionSpec;

/** `--known-at` as the application takes it: digits are a log position. */
export function knownAtInput(value: string | undefined): KnownAtInput {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}
