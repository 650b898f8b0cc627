import type { AuditOrder, CasualtyFigureName } from '@timeline/views';
import { CASUALTY_CATEGORIES } from '@timeline/domain';
import { defineCommand, UsageError } from '../command';
import { auditLines } from '../audit-lines';
import { AT, DAY, KNOWN_AT, knownAtInput, REPORTED_BY } from '../options';
import { checkCampaign, namedOnCommandLine, withTimeline } from '../store';

const FIGURES = ['preferred', 'range', 'daily'] as const satisfies readonly CasualtyFigureName[];
const ORDERS = ['log', 'reported'] as const satisfies readonly AuditOrder[];

export const audit = defineCommand({
  name: 'audit',
  args: ['campaign'],
  summary: 'the events that made a place’s control or a casualty figure what it is, with their sources',
  forms: [
    '--place <id> (--day YYYY-MM-DD | --at ISO) [options]',
    '--side <side> --category <category> --day YYYY-MM-DD [--figure preferred|range|daily] [options]',
  ],
  options: {
    place: { type: 'string', value: '<id>', description: 'a place: its control at the end of --day, or at --at' },
    day: DAY,
    at: { ...AT, description: 'with --place: the instant its control is audited at' },
    side: { type: 'string', value: '<side>', description: 'a casualty figure’s side: a faction of the campaign, or civilians' },
    category: { type: 'string', values: CASUALTY_CATEGORIES, description: 'a casualty figure’s category' },
    figure: { type: 'string', values: FIGURES, description: 'which of the day’s figures (default preferred)' },
    'known-at': KNOWN_AT,
    'reported-by': REPORTED_BY,
    order: {
      type: 'string',
      values: ORDERS,
      description: 'log (default): as the events were recorded; reported: by when their reports were published',
    },
  },
  notes: ['Each event is a line: its log position, when it was recorded (and reported), the claim, who, and its sources.'],
  run: ({ args, options }) => {
    const scope = {
      knownAt: knownAtInput(options['known-at']),
      ...(options['reported-by'] !== undefined ? { reportedBy: options['reported-by'] } : {}),
      ...(options.order !== undefined ? { order: options.order } : {}),
    };
    const asked = auditAsked(options);
    return withTimeline(async (timeline) => {
      await checkCampaign(timeline, args.campaign);
      const audits = timeline.auditQueries;
      const { changes, unreported } =
        asked.kind === 'casualties'
          ? await namedOnCommandLine(audits.casualties(args.campaign, { ...asked.figure, ...scope }))
          : await namedOnCommandLine(audits.control(args.campaign, { ...asked.control, ...scope }));
      const { timeZone } = await timeline.catalogQueries.campaign(args.campaign);
      const lines = auditLines(changes, timeZone);
      if (!changes.length) lines.push(`no event changed this ${asked.kind === 'casualties' ? 'figure' : 'place’s control'}`);
      if (unreported) lines.push(`${unreported} claim versions with no dated source were left out`);
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  },
});

interface AuditOptions {
  place?: string;
  day?: string;
  at?: string;
  side?: string;
  category?: string;
  figure?: CasualtyFigureName;
}

/** A casualty figure's audit or a place's, as the options ask; what either misses is named. */
function auditAsked(o: AuditOptions) {
  return o.side === undefined && o.category === undefined && o.figure === undefined
    ? { kind: 'control' as const, control: controlOf(o) }
    : { kind: 'casualties' as const, figure: casualtyFigure(o) };
}

function casualtyFigure(o: AuditOptions) {
  if (o.place !== undefined)
    throw new UsageError('give --place (a place’s control) or --side and --category (a casualty figure), not both');
  if (o.at !== undefined) throw new UsageError('--at is for a place’s control; a casualty figure is audited for a --day');
  const missing = (['side', 'category', 'day'] as const).filter((name) => o[name] === undefined);
  if (missing.length)
    throw new UsageError(
      `a casualty figure’s audit needs --side, --category and --day: ${missing.map((m) => `--${m}`).join(', ')} missing`,
    );
  return { side: o.side ?? '', category: o.category ?? '', day: o.day ?? '', figure: o.figure ?? 'preferred' };
}

function controlOf(o: AuditOptions) {
  if (o.place === undefined)
    throw new UsageError('audit needs --place (with --day or --at), or --side, --category and --day (a casualty figure)');
  if (o.day !== undefined && o.at !== undefined) throw new UsageError('give --day or --at for --place, not both');
  if (o.at !== undefined) return { place: o.place, at: o.at };
  if (o.day !== undefined) return { place: o.place, day: o.day };
  throw new UsageError('--place needs --day or --at: when its control is audited');
}
