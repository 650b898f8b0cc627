import type { Response } from 'express';

/** 201 when the write stored something, 200 when it was already stored (an idempotent retry). */
export function answerWrite<T extends { outcome: 'created' | 'unchanged' }>(response: Response, result: T): Omit<T, 'outcome'> {
  response.status(result.outcome === 'created' ? 201 : 200);
  const { outcome: _o, ...body } = result;
  return body;
}
