import type { z } from 'zod';
import type { Ack } from '@timeline/contracts';
import { parseWith } from '@timeline/domain';
import { toProblem } from '../http/problem';

/** Runs a socket command: its answer, or an acknowledgement saying what was wrong — never a throw. */
export async function acknowledge<S extends z.ZodType>(
  schema: S,
  body: unknown,
  handle: (input: z.output<S>) => Promise<object | void> | object | void,
): Promise<Ack> {
  const parsed = parseWith(schema, body ?? {});
  if (!parsed.ok)
    return {
      ok: false,
      error: { status: 422, title: 'Unprocessable Content', detail: 'the message is not valid', errors: parsed.errors },
    };
  try {
    const answer = await handle(parsed.value);
    return { ok: true, ...answer };
  } catch (error) {
    const problem = toProblem(error);
    return {
      ok: false,
      error: {
        status: problem.status,
        title: problem.title,
        detail: problem.detail,
        ...(problem.errors ? { errors: problem.errors } : {}),
      },
    };
  }
}
