import { z } from 'zod';
import type { CLIENT_EVENTS, SERVER_EVENTS, ServerEvent } from './replay.messages';

/** Why a socket command was refused: the fields of the problem an HTTP answer would carry. */
export const AckError = z.object({
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AckError = z.infer<typeof AckError>;

/** Every client message is acknowledged: its answer, or why it was refused — never silence. */
export type Ack<Answer extends object = Record<string, unknown>> = ({ ok: true } & Answer) | { ok: false; error: AckError };

/** What `replay:start` answers: the replay's id and window, and how a resumed one caught up. */
export const ReplayStarted = z.object({
  sessionId: z.string(),
  from: z.string(),
  to: z.string(),
  frames: z.number().int(),
  pinnedPosition: z.number().int(),
  asReported: z.boolean().describe('whether the frames are as reported at the time (see replay:start)'),
  resumed: z.enum(['messages', 'snapshot']).optional(),
});
export type ReplayStarted = z.infer<typeof ReplayStarted>;
export type ReplayStartAck = Ack<ReplayStarted>;

const Seq = z.number().int().describe('the seq of the last message the session sent');

/** What `replay:join` answers: the shared replay's id, window and where it stands. */
export const ReplayJoined = ReplayStarted.omit({ resumed: true }).extend({ seq: Seq });

/** What `replay:seek` and `replay:step` answer: where the session's messages stand, the snapshot or frames to follow. */
export const ReplayMoved = z.object({ seq: Seq });

/** What `subscribe` answers: the campaign and the log position its claims follow from. */
export const LiveSubscribed = z.object({ campaignId: z.string(), position: z.number().int() });

/** Commands answered by `{ok: true}` alone. */
const Done = z.object({});

/** An acknowledgement of a client message: the answer with `ok: true`, or `ok: false` and why. */
export function ackOf(answer: z.ZodObject) {
  return z.union([
    answer.extend({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), error: AckError }).describe('refused: the problem an HTTP answer would carry'),
  ]);
}

/** The acknowledgement of each client message (api.md, "Replay over socket.io" and "Live feed"). */
export const CLIENT_ACKS = {
  '/replay': {
    'replay:start': ackOf(ReplayStarted),
    'replay:pause': ackOf(Done),
    'replay:resume': ackOf(Done),
    'replay:stop': ackOf(Done),
    'replay:seek': ackOf(ReplayMoved),
    'replay:speed': ackOf(Done),
    'replay:step': ackOf(ReplayMoved),
    'replay:join': ackOf(ReplayJoined),
  },
  '/live': { subscribe: ackOf(LiveSubscribed), unsubscribe: ackOf(LiveSubscribed.omit({ position: true })) },
} as const satisfies { [N in keyof typeof CLIENT_EVENTS]: Record<keyof (typeof CLIENT_EVENTS)[N], z.ZodType> };

/** One message the server sends on `/replay`, typed from its schema. */
export type ReplayMessage<E extends ServerEvent> = z.infer<(typeof SERVER_EVENTS)['/replay'][E]>;

/** One recorded event as the live feed (`/live`, `claim:recorded`) sends it. */
export type RecordedMessage = z.infer<(typeof SERVER_EVENTS)['/live']['claim:recorded']>;
