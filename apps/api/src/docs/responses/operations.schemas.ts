import { z } from 'zod';

const RebuildState = z.enum(['running', 'done', 'failed']);

export const RebuildStarted = z.object({
  jobId: z.string(),
  version: z.number().int().describe('the version the rebuild makes; it serves once caught up'),
  state: RebuildState,
});

export const Projections = z.object({
  version: z.number().int(),
  position: z.number().int(),
  head: z.number().int(),
  lag: z.number().int(),
  state: z.literal('serving'),
  rebuild: z
    .object({
      jobId: z.string(),
      version: z.number().int(),
      state: RebuildState,
      position: z.number().int(),
      target: z.number().int(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      eventsFolded: z.number().int(),
      error: z.string().optional(),
    })
    .nullable()
    .describe('the latest rebuild; null when none ran'),
});

const Redis = z.object({ status: z.enum(['up', 'down', 'not configured']) });

/** Ready: the store answered. Degraded (still 200): Redis is down, so no fan-out across instances. */
export const HealthReady = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.object({ kind: z.string(), status: z.literal('up'), head: z.number().int() }),
  redis: Redis,
  projections: z.object({ position: z.number().int(), lag: z.number().int() }),
  replay: z.object({ sockets: z.number().int(), sessions: z.number().int() }),
});

/** Not ready (503): the store did not answer. */
export const HealthDown = z.object({
  status: z.literal('degraded'),
  store: z.object({ kind: z.string(), status: z.literal('down') }),
  projections: z.object({ position: z.number().int() }),
});

export const Me = z.object({ name: z.string(), role: z.enum(['editor', 'admin']) });
