import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { SANE_CORRELATION_ID } from '../http/request-log';
import { ROUTES } from './api-routes';

const Problem = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const CORRELATION_HEADER = { 'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' } };

const problemResponse = (description: string, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...CORRELATION_HEADER, ...headers },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const tooManyRequests = (description: string) =>
  problemResponse(description, {
    'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
  });

const components = {
  schemas: { Problem },
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  parameters: {
    CorrelationId: {
      name: 'X-Correlation-Id',
      in: 'header',
      required: false,
      description:
        'Echoed on the answer and stored as the correlationId of the events the request appends; one is made when it is missing or does not match the pattern',
      schema: { type: 'string', pattern: SANE_CORRELATION_ID.source },
    },
  },
  headers: {
    CorrelationId: {
      description: "The request's correlation id: the one sent, or one made for it",
      schema: { type: 'string' },
    },
  },
};

/** The OpenAPI document, built from the route table and the request schemas. */
export function openApiDocument(): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = route.query
      ? Object.entries((jsonSchema(route.query).properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        }))
      : [];
    const responses: Record<string, unknown> = {
      [route.created ? '201' : '200']: {
        description: 'OK',
        headers: { ...CORRELATION_HEADER, ...(route.versioned ? { ETag: { schema: { type: 'string' } } } : {}) },
      },
      ...(route.created
        ? { '200': { description: 'already stored with the same content (idempotent retry)', headers: CORRELATION_HEADER } }
        : {}),
      ...(route.versioned
        ? { '304': { description: 'If-None-Match holds the current ETag (or is *)', headers: CORRELATION_HEADER } }
        : {}),
      '404': problemResponse('unknown campaign, claim, place or source'),
    };
    if (route.role) responses['429'] = tooManyRequests('the key made too many writes this minute');
    const queryNames = queryParams.map((p) => p.name);
    if (route.expensive || queryNames.includes('knownAt') || queryNames.includes('reportedBy'))
      responses['429'] = tooManyRequests(
        route.expensive
          ? 'without an API key: past the client’s budget of expensive reads (an export counts as ten)'
          : 'without an API key: past the client’s budget of expensive reads (with knownAt or reportedBy)',
      );
    if (route.body) {
      Object.assign(responses, {
        '400': problemResponse('malformed JSON'),
        '401': problemResponse('no or unknown API key'),
        '403': problemResponse('role too low'),
        '409': problemResponse('stale revision, or an id reused with different content'),
        '413': problemResponse('body too large'),
        '422': problemResponse('invalid: errors name each bad field'),
      });
    }
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(route.role ? { security: [{ bearer: [] }], description: `Needs the ${route.role} role.` } : {}),
      parameters: [...pathParams, ...queryParams, { $ref: '#/components/parameters/CorrelationId' }],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Campaign timeline',
      version: '0.1.0',
      description: 'Sourced claims of armed-conflict campaigns, their views and replays.',
    },
    paths,
    components,
  } as unknown as OpenAPIObject;
}
