import { z } from 'zod';
import { RANKS, Slug, isCalendarDate, parseInstant } from '@timeline/domain';

/** A replay bound: a date (the start of that local day) or an ISO instant. */
const Bound = z
  .string()
  .refine(
    (v) => isCalendarDate(v) || parseInstant(v) !== undefined,
    'must be a date YYYY-MM-DD or an ISO instant with an offset',
  );
const KnownAt = z.union([
  z.number().int().min(0),
  z.string().refine((v) => parseInstant(v) !== undefined, 'must be a log position or an ISO instant'),
]);
export const SessionId = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a session id');
export const Speed = z
  .number()
  .min(0.1, 'must be at least 0.1 campaign hours per second')
  .max(1000, 'must be at most 1000 campaign hours per second');
const Room = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a room name: letters, digits, _ . : -');

export const ReplayStart = z.strictObject({
  campaignId: Slug.describe('the campaign to replay (its id)'),
  from: Bound.optional().describe(
    'where the replay starts: a local day YYYY-MM-DD (its start, in the campaign’s time zone) or an ISO instant with an offset, taken back to the start of its local hour; default: the start of the campaign’s window',
  ),
  to: Bound.optional().describe(
    'where it ends: a local day (its end) or an ISO instant; default: the end of the campaign’s window. After from, and at most a year of hours after it',
  ),
  speed: Speed.default(1).describe('campaign hours per second, 0.1–1000; default 1'),
  knownAt: KnownAt.optional().describe(
    'replay the record as it stood then: a log position or an ISO instant. Default: the log when the replay starts. Either way the replay is pinned there (`pinnedPosition` in the acknowledgement); later records arrive as replay:correction or replay:live',
  ),
  asReported: z
    .boolean()
    .optional()
    .describe(
      'true = as reported at the time: the frame of hour H shows the state at H+1h from the claim versions publicly reported by then (the earliest end of their sources’ publications); a report revealing an earlier change lands in the hour it was published, its claim marked newsOfThePast. Claim versions with no dated source are left out. Shared rooms, seek, resume and corrections follow the same mode',
    ),
  operation: Slug.optional().describe('only the claims of this operation of the campaign (its id)'),
  places: z
    .array(Slug)
    .min(1)
    .max(1000)
    .optional()
    .describe('only these places (1 to 1,000 place ids); default: every place of the campaign'),
  room: Room.optional().describe(
    'share the replay in this room: others watch it with replay:join and get the same frames in step; only this client’s controls drive it. A room has one replay at a time: starting a held one is refused with 409 (join it instead)',
  ),
  paused: z
    .boolean()
    .optional()
    .describe(
      'true: open on the snapshot without playing, for a viewer opening a link at a given hour; replay:resume plays it, replay:step steps it',
    ),
  resume: z
    .strictObject({
      sessionId: SessionId.describe('the sessionId the dropped replay’s start acknowledged'),
      seq: z.number().int().min(0).describe('the seq of the last message the client received from it'),
      at: z
        .string()
        .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO instant')
        .optional()
        .describe('the start of the next hour the client would have been sent: where a replay resumed elsewhere continues'),
    })
    .optional()
    .describe(
      'resume a replay after a dropped connection, sent with the same fields as its first start: on the same instance within 60 s the missed messages are sent again, exactly; elsewhere (or later) the replay continues from a snapshot of the hour reached. The acknowledgement’s `resumed` says which',
    ),
});
export type ReplayStart = z.infer<typeof ReplayStart>;
/** The replay a command is for; only the client that started it (or resumed it) may control it. */
const Controlled = SessionId.describe('the replay to control: the sessionId its replay:start acknowledged');
export const SessionCommand = z.strictObject({ sessionId: Controlled });
export const ReplaySeek = z.strictObject({
  sessionId: Controlled,
  at: Bound.describe(
    'the hour to move to: a local day YYYY-MM-DD (its start, in the campaign’s time zone) or an ISO instant with an offset, within the replay’s window; a snapshot of that hour follows',
  ),
});
export const ReplaySpeed = z.strictObject({
  sessionId: Controlled,
  speed: Speed.describe('campaign hours per second, 0.1–1000'),
});
export const ReplayStep = z.strictObject({
  sessionId: Controlled,
  hours: z
    .number()
    .int('must be a whole number of hours')
    .min(-1000)
    .max(1000)
    .refine((h) => h !== 0, 'must not be 0')
    .default(1)
    .describe(
      'how many hours to step, −1000 to 1000 and not 0; default 1. Forward: the next frames at once; backward: a snapshot, then the frame of the hour landed on',
    ),
});
export const ReplayJoin = z.strictObject({
  room: Room.describe('the room whose replay to watch: a snapshot follows, then the same frames as its starter gets'),
});
export const LiveSubscribe = z.strictObject({
  campaignId: Slug.describe(
    'the campaign (its id): subscribe to get each event recorded in it as claim:recorded, unsubscribe to stop',
  ),
});

/** What clients send, each answered by an acknowledgement. */
export const CLIENT_EVENTS = {
  '/replay': {
    'replay:start': ReplayStart,
    'replay:pause': SessionCommand,
    'replay:resume': SessionCommand,
    'replay:stop': SessionCommand,
    'replay:seek': ReplaySeek,
    'replay:speed': ReplaySpeed,
    'replay:step': ReplayStep,
    'replay:join': ReplayJoin,
  },
  '/live': { subscribe: LiveSubscribe, unsubscribe: LiveSubscribe },
} as const;

const Count = z.object({ best: z.number(), low: z.number(), high: z.number().nullable(), openEnded: z.boolean() });
const PlaceState = z.object({
  place: z.string(),
  status: z.string(),
  controller: z.string().nullable(),
  contestedBy: z.string().optional().describe('the faction attacking a contested place'),
  besiegedBy: z.string().optional().describe('the faction besieging a besieged place'),
  vacatedBy: z.string().optional().describe('the faction that left a vacated place'),
  bloc: z.string().nullable(),
  disputed: z.boolean(),
  lastReportedAt: z.string().nullable().describe('the latest end among the claims behind the state; null when it is inferred'),
  inferredFrom: z
    .string()
    .optional()
    .describe('the state is inferred from this later claim, which says whom the place was taken from (`takenFrom`)'),
});
const PendingChange = z
  .object({
    place: z.string(),
    claimId: z.string(),
    status: z.string(),
    controller: z.string().nullable(),
    bloc: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    precision: z.string(),
  })
  .describe("a change under way: the claim's window [from, to) contains the instant; it takes effect at `to`");
const CasualtyFigure = z.object({
  side: z.string(),
  category: z.string(),
  day: z.string(),
  daily: Count,
  preferred: z.object({ count: Count, publisher: z.string().nullable(), claimId: z.string().nullable() }).nullable(),
});
const Source = z.object({
  sourceId: z.string(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z
    .union([z.string(), z.record(z.string(), z.union([z.string(), z.number()]))])
    .nullable()
    .describe('as registered: a date, an instant, or a written time ({date, part}, {to} = published by then …)'),
  published: z
    .object({ from: z.string().nullable(), to: z.string(), precision: z.string() })
    .nullable()
    .describe('the publication as a UTC interval; from is null when only "published by" is known'),
});
const Interval = z.object({ from: z.string(), to: z.string(), precision: z.string() });
const FrameClaim = z.object({
  claimId: z.string(),
  type: z.string(),
  time: Interval,
  summary: z.string(),
  quote: z.string(),
  place: z.string().nullable(),
  reportedAt: z
    .string()
    .nullable()
    .describe(
      'when the claim was publicly reported: the earliest end among its dated sources’ publications; null when none is dated',
    ),
  newsOfThePast: z
    .literal(true)
    .optional()
    .describe('in a replay as reported: the claim took effect before this hour, and the world learns of it now'),
  sources: z.array(Source),
});
const ClaimChange = z
  .object({
    kind: z
      .enum(['recorded', 'corrected', 'ranked', 'retracted'])
      .describe('what the event did: a claim recorded, corrected, given a rank, or retracted'),
    event: z.string().describe('the event type as the log names it (ClaimCorrected, ClaimRanked …)'),
    position: z.number().int().describe('the event’s log position: one change, however many messages tell it'),
    recordedAt: z.string(),
    actor: z.string().describe('who recorded the event'),
    reason: z.string().nullable().describe('why the claim was corrected, ranked or retracted; null for a record'),
    fields: z
      .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
      .describe(
        'field by field, the value before the event and after it (null where absent): the claim’s fields a correction changed (`time` as a UTC interval), `rank` for a rank, `retracted` for a retraction',
      ),
    summaryBefore: z.string().nullable().describe('the claim in words before the event; null for a record'),
    claim: FrameClaim.describe(
      'the claim as the event left it, retracted or deprecated included: its summary says the new values, its sources are the claim’s own',
    ),
    rank: z.enum(RANKS),
    retracted: z.boolean(),
    sources: z
      .array(Source)
      .describe('the sources the event itself cites (a correction’s, a retraction’s; the claim’s own for a record)'),
  })
  .describe('what one event of a claim’s stream did to the claim');
const Session = { sessionId: z.string(), seq: z.number().int() };
const ServerClosing = z
  .object({ reason: z.literal('shutdown'), retryAfter: z.number().int() })
  .describe(
    'sent to every socket of an instance that is stopping, before its connection closes: the client reconnects (socket.io does so by itself, after about `retryAfter` seconds at most) and resumes a replay with `resume: {sessionId, seq}`',
  );

/** Why the viewers of a shared room were let go: its starter stopped it, or the instance driving it was lost. */
export const ReplayEnded = z
  .object({ sessionId: z.string(), reason: z.enum(['stopped', 'host-lost']) })
  .describe(
    'to the viewers of a shared room whose replay will send nothing more; they leave the room, which is free to start again. ' +
      'reason "stopped": its starter stopped it (or did not come back within the resume grace); ' +
      '"host-lost": the instance driving it died or could not renew its hold on the room. Not numbered by seq.',
  );
export type ReplayEnded = z.infer<typeof ReplayEnded>;

/** What the server sends (api.md, "Replay over socket.io" and "Live feed"). */
export const SERVER_EVENTS = {
  '/replay': {
    'replay:snapshot': z.object({
      ...Session,
      at: z.string(),
      control: z.array(PlaceState),
      pending: z.array(PendingChange).describe('every change under way at `at`'),
      casualties: z.array(CasualtyFigure),
      summary: z.object({ byBloc: z.record(z.string(), z.number()) }),
    }),
    'replay:frame': z.object({
      ...Session,
      at: z.string(),
      until: z.string(),
      claims: z.array(FrameClaim).describe('the claims taking effect in the hour (their window ends in it)'),
      opening: z
        .array(FrameClaim)
        .describe('the control claims whose window opens in the hour: changes under way until they end'),
      control: z.array(PlaceState),
      pending: z.array(PendingChange).describe('the changes under way whose window opened in the hour'),
      casualties: z.array(CasualtyFigure),
      summary: z.object({ byBloc: z.record(z.string(), z.number()) }),
    }),
    'replay:correction': z
      .object({
        ...Session,
        at: z.string(),
        claimId: z.string(),
        claim: FrameClaim.nullable().describe(
          'the claim as it stands, as a frame carries it; null once it is retracted or deprecated',
        ),
        control: z.array(PlaceState).optional(),
        casualties: z.array(CasualtyFigure).optional(),
        change: ClaimChange,
      })
      .describe(
        'a claim changed after the session began, in an hour the client has already seen: `claim`, `control` and `casualties` are what it changes in that hour; `change` says what was done (corrected, ranked, retracted), by whom, why and on which sources, with each changed field before and after. One message per event',
      ),
    'replay:live': z.object({ ...Session, claim: FrameClaim }),
    'replay:end': z.object(Session),
    'replay:ended': ReplayEnded,
    'server:closing': ServerClosing,
  },
  '/live': {
    'claim:recorded': z
      .object({
        campaignId: z.string(),
        position: z.number(),
        event: z.object({
          type: z.string(),
          stream: z.string(),
          revision: z.number(),
          data: z.unknown(),
          metadata: z.record(z.string(), z.unknown()),
        }),
        change: ClaimChange.optional().describe(
          'for an event of a claim’s stream: what it did to the claim, as `replay:correction` tells it',
        ),
      })
      .describe('every event recorded in the campaign; a claim’s carry `change`'),
    'server:closing': ServerClosing,
  },
} as const;

export type ServerEvent = keyof (typeof SERVER_EVENTS)['/replay'];
