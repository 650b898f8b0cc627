import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { SANE_CORRELATION_ID } from '../http/request-log';
import { ROUTES, TAGS, type RouteDoc } from './api-routes';
import { responsesOf } from './openapi-responses';
import { PATH_PARAMETERS, QUERY_PARAMETERS } from './parameter-docs';
import { REQUEST_BODIES } from './request-examples';
import { responseComponents } from './responses';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const components = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API key, sent as `Authorization: Bearer <key>`: the client sends the key part only. The service is configured with `name:role:key` entries in API_KEYS; the name and role stay on the server, which signs the key in as them.',
    },
  },
  parameters: {
    CorrelationId: {
      name: 'X-Correlation-Id',
      in: 'header',
      required: false,
      description:
        'Echoed on the answer and stored as the correlationId of the events the request appends; one is made when it is missing or does not match the pattern',
      schema: { type: 'string', pattern: SANE_CORRELATION_ID.source },
      example: 'edit-2024-12-08-homs-1',
    },
  },
  headers: {
    CorrelationId: {
      description: "The request's correlation id: the one sent, or one made for it",
      schema: { type: 'string' },
    },
  },
};

/** The route's path and query parameters; the query's types from the schema that validates it. */
function parametersOf(route: RouteDoc) {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...PATH_PARAMETERS[name],
  }));
  const query = route.query ? jsonSchema(route.query) : {};
  const required = new Set((query.required ?? []) as string[]);
  const queryParams = Object.entries((query.properties ?? {}) as Record<string, { description?: string }>).map(
    ([name, schema]) => {
      const doc = QUERY_PARAMETERS[name];
      const description = schema.description ?? doc?.description;
      return {
        name,
        in: 'query',
        required: required.has(name),
        schema,
        ...(description ? { description } : {}),
        ...(doc ? { example: doc.example } : {}),
      };
    },
  );
  return [...path, ...queryParams];
}

function requestBodyOf(route: RouteDoc) {
  if (!route.body) return {};
  const doc = REQUEST_BODIES[`${route.method.toUpperCase()} ${route.path}`];
  const media = { schema: jsonSchema(route.body), ...(doc ? { example: doc.example } : {}) };
  return {
    requestBody: { required: true, ...(doc ? { description: doc.description } : {}), content: { 'application/json': media } },
  };
}

function operationOf(route: RouteDoc) {
  const parameters = parametersOf(route);
  const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const description = [route.description, route.role && `Needs the ${route.role} role.`].filter(Boolean).join(' ');
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(description ? { description } : {}),
    ...(route.role ? { security: [{ bearer: [] }] } : {}),
    parameters: [...parameters, { $ref: '#/components/parameters/CorrelationId' }],
    ...requestBodyOf(route),
    responses: responsesOf(route, queryNames),
  };
}

/** The OpenAPI document, built from the route table, the request schemas and the answer schemas. */
export function openApiDocument(): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Campaign timeline',
      version: '0.1.0',
      description:
        'Sourced claims of armed-conflict campaigns, their views and replays. Reads are open; writes need `Authorization: Bearer <key>`. Every 4xx/5xx body is application/problem+json. The replay socket is described in AsyncAPI at /docs/asyncapi.json.',
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { ...components, schemas: responseComponents() },
  } as unknown as OpenAPIObject;
}
