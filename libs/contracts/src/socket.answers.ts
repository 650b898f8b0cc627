import { z } from 'zod';
import type { SERVER_EVENTS, ServerEvent } from './replay.messages';

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

/** One message the server sends on `/replay`, typed from its schema. */
export type ReplayMessage<E extends ServerEvent> = z.infer<(typeof SERVER_EVENTS)['/replay'][E]>;

/** One recorded event as the live feed (`/live`, `claim:recorded`) sends it. */
export type RecordedMessage = z.infer<(typeof SERVER_EVENTS)['/live']['claim:recorded']>;
