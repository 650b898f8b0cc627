import { z } from 'zod';
import { CONTROL_STATUSES, PRECISIONS } from '@timeline/domain';
import { Count, KnownAtEcho, reportedFields, ValidTime } from './common.schemas';

const PerBloc = z.record(z.string(), z.number().int());
const Status = z.enum(CONTROL_STATUSES);

const PendingChange = z
  .object({
    claimId: z.string(),
    status: Status,
    controller: z.string().nullable(),
    bloc: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    precision: z.enum(PRECISIONS),
    area: z.string().optional().describe('the area whose claim covers the place, when it is not the place’s own'),
  })
  .describe('a change under way: its window [from, to) contains the instant; it takes effect at `to`');

export const PlaceControl = z.object({
  place: z.string(),
  name: z.string(),
  status: Status.nullable().describe('null when nothing is in effect yet and a change is under way (see pending)'),
  controller: z.string().nullable(),
  contestedBy: z.string().optional(),
  besiegedBy: z.string().optional(),
  vacatedBy: z.string().optional(),
  bloc: z.string().nullable(),
  since: z.string().nullable().describe('since when the state holds; null when it held before the first report'),
  lastReportedAt: z.string().nullable(),
  basis: z.array(z.string()).describe('the claims in effect that say so'),
  inferred: z.literal(true).optional(),
  disputed: z.boolean(),
  alternatives: z.array(z.object({ status: Status, controller: z.string().nullable(), claims: z.array(z.string()) })),
  pending: z.array(PendingChange),
});

export const ControlMap = z.object({
  campaignId: z.string(),
  at: z.string(),
  day: z.string().optional().describe('the day asked for; `at` is its end'),
  knownAt: KnownAtEcho,
  ...reportedFields,
  places: z.array(PlaceControl),
  summary: z.object({ byBloc: PerBloc, byStatus: z.record(z.string(), z.number().int()) }),
});

export const ControlDays = z.object({
  campaignId: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  days: z.array(z.object({ day: z.string(), byBloc: PerBloc, gained: PerBloc, lost: PerBloc })),
});

export const PlaceHistory = z.object({
  campaignId: z.string(),
  place: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  changes: z.array(
    z.object({
      at: z.string().nullable().describe('null for the state inferred before the first report'),
      status: Status,
      controller: z.string().nullable(),
      contestedBy: z.string().nullable(),
      besiegedBy: z.string().nullable(),
      vacatedBy: z.string().nullable(),
      bloc: z.string().nullable(),
      inferred: z.literal(true).optional(),
      claims: z.array(
        z.object({
          claimId: z.string(),
          area: z.string().optional(),
          time: ValidTime,
          reportedAt: z.string().nullable(),
          quote: z.string(),
          sources: z.array(z.object({ sourceId: z.string(), publisher: z.string().nullable() })),
        }),
      ),
    }),
  ),
});

export const CasualtyFigure = z.object({
  side: z.string(),
  category: z.string(),
  day: z.string(),
  daily: Count,
  incidentTotal: Count,
  bySource: z.record(z.string(), Count.extend({ claimId: z.string() })).describe('per publisher: its figure and claim'),
  range: z.object({ low: z.number(), high: z.number() }).nullable(),
  preferred: z
    .object({
      count: Count,
      publisher: z.string().nullable(),
      claimId: z.string().nullable(),
      basis: z.enum(['incidentTotal', 'cumulative']),
    })
    .nullable(),
  dailyClaims: z.array(z.string()),
});

export const Casualties = z.object({
  campaignId: z.string(),
  day: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  figures: z.array(CasualtyFigure),
});

export const CasualtySeries = z.object({
  campaignId: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  series: z.array(z.object({ side: z.string(), category: z.string(), days: z.array(CasualtyFigure) })),
});

const Settlements = z.object({ settlements: z.number().nullable(), areaKm2: z.number().nullable(), claimId: z.string() });
export const Territory = z.object({
  campaignId: z.string(),
  day: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  factions: z.array(
    z.object({
      faction: z.string(),
      bloc: z.string().nullable(),
      gained: z.array(z.string()),
      lost: z.array(z.string()),
      reported: z.object({
        daily: z.object({ settlements: z.number(), areaKm2: z.number(), claims: z.array(z.string()) }),
        cumulative: z.record(z.string(), Settlements).describe('per publisher'),
      }),
    }),
  ),
});
