import { isCalendarDate, parseInstant } from '@timeline/domain';
import { defineCommand, type OptionSpec } from '../command';
import { KNOWN_AT, OPERATION, URL_OPTION } from '../options';
import { watchReplay } from '../replay-watch';
import { campaignOfService, serviceUrl } from '../service';

const DAY_OR_INSTANT = {
  type: 'string',
  value: 'YYYY-MM-DD|ISO',
  check: (value) =>
    isCalendarDate(value) || parseInstant(value) !== undefined ? undefined : 'must be a day YYYY-MM-DD or an ISO instant',
  description: '',
} as const satisfies OptionSpec;

export const replay = defineCommand({
  name: 'replay',
  args: ['campaign'],
  summary: 'watch a replay from the running service, hour by hour, in the campaign’s local time',
  options: {
    url: URL_OPTION,
    from: { ...DAY_OR_INSTANT, description: 'where it starts (default: the campaign’s start)' },
    to: { ...DAY_OR_INSTANT, description: 'where it ends (default: the campaign’s end)' },
    speed: {
      type: 'string',
      value: '<hours/s>',
      check: (value) =>
        Number(value) >= 0.1 && Number(value) <= 1000 ? undefined : 'must be between 0.1 and 1000 campaign hours per second',
      description: 'campaign hours per second (default 6)',
    },
    operation: OPERATION,
    'known-at': KNOWN_AT,
    'as-reported': { type: 'boolean', description: 'as the sources reported it at the time, rather than as known now' },
  },
  notes: [
    'Times are the campaign’s clocks with their offset from UTC, e.g. Sat 7 Dec 14:00 (+03:00).',
    'Nothing answering at the service’s address is exit code 1; a replay it refuses, 2.',
  ],
  run: async ({ args, options }) => {
    const url = serviceUrl(options.url);
    const { timeZone } = await campaignOfService(url, args.campaign);
    return watchReplay({
      url,
      campaignId: args.campaign,
      timeZone,
      from: options.from,
      to: options.to,
      speed: Number(options.speed ?? 6),
      operation: options.operation,
      knownAt: options['known-at'],
      asReported: options['as-reported'],
    });
  },
});
