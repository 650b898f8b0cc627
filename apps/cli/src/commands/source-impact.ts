import { defineCommand } from '../command';
import { auditLines } from '../audit-lines';
import { localTime } from '../local-time';
import { KNOWN_AT, knownAtInput, REPORTED_BY } from '../options';
import { checkCampaign, namedOnCommandLine, withTimeline } from '../store';

export const sourceImpact = defineCommand({
  name: 'source impact',
  args: ['campaign', 'source'],
  summary: 'every control and casualty figure a source’s claims changed, with the events that changed it',
  options: { 'known-at': KNOWN_AT, 'reported-by': REPORTED_BY },
  notes: ['The figures come in the order the source’s reports appeared; under each, its events as `audit` prints them.'],
  run: ({ args, options }) =>
    withTimeline(async (timeline) => {
      await checkCampaign(timeline, args.campaign);
      const { impacts, unreported } = await namedOnCommandLine(
        timeline.auditQueries.sourceImpact(args.campaign, args.source, {
          knownAt: knownAtInput(options['known-at']),
          reportedBy: options['reported-by'],
        }),
      );
      const { timeZone } = await timeline.catalogQueries.campaign(args.campaign);
      const count = impacts.length === 1 ? '1 figure' : `${impacts.length} figures`;
      const lines = [`source ${args.source} changed ${impacts.length ? count : 'no figure'} of ${args.campaign}`];
      for (const impact of impacts) {
        const reported = impact.reportedAt ? `, reported ${localTime(impact.reportedAt, timeZone, { year: true })}` : '';
        lines.push(
          '',
          `${figureName(impact.figure, timeZone)} — claim ${impact.claimId}${reported}`,
          ...auditLines(impact.changes, timeZone, '  '),
        );
      }
      if (unreported) lines.push('', `${unreported} claim versions with no dated source were left out`);
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }),
});

/** `control of homs at Sat 7 Dec 2024 18:00 (+03:00)`, `preferred figure of civilians killed on 2024-12-07`. */
function figureName(figure: Record<string, unknown>, timeZone: string): string {
  const text = (key: string) => {
    const value = figure[key];
    return typeof value === 'string' ? value : '?';
  };
  return figure.kind === 'control'
    ? `control of ${text('place')} at ${typeof figure.at === 'string' ? localTime(figure.at, timeZone, { year: true }) : '?'}`
    : `${text('figure')} figure of ${text('side')} ${text('category')} on ${text('day')}`;
}
