import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Refusal } from '@timeline/application';
import { DomainError, type FieldError } from '@timeline/domain';
import { WrongExpectedState } from '@timeline/store';

/** An `application/problem+json` body (RFC 9457) with the fields that were wrong. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Seconds to wait before retrying (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DOMAIN_STATUS = { invalid: 422, 'not-found': 404, conflict: 409 } as const;
const REFUSAL_STATUS = { forbidden: 403, 'too-many': 429 } as const;

/** Any error as a problem; what is not ours to explain becomes a 500 without internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return problem(error.status, error.detail, error.errors, error.title);
  if (error instanceof DomainError)
    return problem(DOMAIN_STATUS[error.kind], error.message, error.errors.length ? error.errors : undefined);
  if (error instanceof Refusal) return problem(REFUSAL_STATUS[error.kind], error.message);
  if (error instanceof WrongExpectedState) {
    return problem(409, 'the record changed while the request ran: read it again and retry', [
      { path: 'expectedRevision', message: `is stale: the stream is at ${String(error.actual)}` },
    ]);
  }
  const bodyParser = error as { type?: string; status?: number; limit?: number };
  if (bodyParser?.type === 'entity.too.large') return problem(413, `the body exceeds the limit of ${bodyParser.limit} bytes`);
  if (bodyParser?.type === 'entity.parse.failed')
    return problem(400, 'the body is not valid JSON', [{ path: '', message: 'malformed JSON' }]);
  if (bodyParser?.type === 'encoding.unsupported' || bodyParser?.type === 'charset.unsupported')
    return problem(415, 'unsupported body encoding');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, status === 404 ? 'no such route' : error.message);
  }
  return problem(500, 'the service failed to answer; the error was logged');
}

/** A problem answered by middleware, outside the routes the filter covers. */
export function sendProblem(response: Response, status: number, detail: string, retryAfter?: number): void {
  if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify(problem(status, detail)));
}

function problem(status: number, detail: string, errors?: FieldError[], title = TITLES[status] ?? 'Error'): Problem {
  return { type: `https://httpstatuses.io/${status}`, title, status, detail, ...(errors ? { errors } : {}) };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toProblem(error);
    if (body.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof ProblemException && error.retryAfter) response.setHeader('Retry-After', String(error.retryAfter));
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
