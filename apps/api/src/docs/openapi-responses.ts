import { EXPORT_FORMATS } from '@timeline/application';
import type { RouteDoc } from './api-routes';
import { EXPORT_MEDIA_TYPES, exportFormatsDescription } from './export-media-types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const CORRELATION_HEADER = { 'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' } };
const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
};

/** What a kept answer is sent with: its version, and the coding negotiated from Accept-Encoding. */
const VERSIONED_HEADERS = {
  ETag: { description: 'the version of the answer: one weak ETag for every coding of it', schema: { type: 'string' } },
  'Content-Encoding': {
    description: 'br or gzip when the client accepts one (br first at equal q); absent for plain JSON',
    schema: { type: 'string', enum: ['br', 'gzip'] },
  },
  Vary: { description: 'Accept-Encoding: the coding depends on it', schema: { type: 'string' } },
};

const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

const problem = (description: string, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...CORRELATION_HEADER, ...headers },
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** The answers of a route: its success, and each refusal its guards, parsers and use case can make. */
export function responsesOf(route: RouteDoc, queryNames: string[]): Record<string, unknown> {
  const success = route.status ?? 200;
  const responses: Record<string, unknown> = { [success]: successOf(route) };
  if (route.idempotent)
    responses['200'] = {
      description: 'already stored with the same content (an idempotent retry): the same body',
      headers: CORRELATION_HEADER,
      content: json(route.answer ?? 'Problem'),
    };
  if (route.versioned)
    responses['304'] = { description: 'If-None-Match holds the current ETag (or is *)', headers: CORRELATION_HEADER };
  Object.assign(responses, refusalsOf(route, queryNames), specialOf(route));
  return responses;
}

function successOf(route: RouteDoc): Record<string, unknown> {
  const headers = {
    ...CORRELATION_HEADER,
    ...(route.versioned ? VERSIONED_HEADERS : {}),
  };
  if (route.path.endsWith('/export')) return exportAnswer();
  if (route.path === '/')
    return { description: 'the viewer’s page', headers, content: { 'text/html': { schema: { type: 'string' } } } };
  const description = route.status === 202 ? 'accepted: the job runs in the background' : route.status === 201 ? 'created' : 'OK';
  return { description, headers, ...(route.answer ? { content: json(route.answer) } : {}) };
}

function refusalsOf(route: RouteDoc, queryNames: string[]): Record<string, unknown> {
  const refusals: Record<string, unknown> = {};
  if (route.body) {
    refusals['400'] = problem('malformed JSON');
    refusals['413'] = problem('body too large');
    refusals['415'] = problem('unsupported body encoding');
  }
  if (route.role) refusals['401'] = problem('no or unknown API key');
  if (route.role === 'admin') refusals['403'] = problem('the key’s role is too low: this route needs admin');
  if (route.path.includes('{')) refusals['404'] = problem(notFoundOf(route));
  if (route.conflicts) refusals['409'] = problem('an id reused with different content, or a revision gone stale');
  if (route.body || route.query) refusals['422'] = problem('invalid: `errors` names each bad field or query parameter');
  if (route.role) refusals['429'] = problem('the key made too many writes this minute', RETRY_AFTER);
  else if (route.expensive || queryNames.includes('knownAt') || queryNames.includes('reportedBy'))
    refusals['429'] = problem(
      `without an API key: past the client’s budget of expensive reads (${route.expensive ? 'an export counts as ten' : 'with knownAt or reportedBy'}); a client that keeps asking before Retry-After has its refusals held a second`,
      RETRY_AFTER,
    );
  return refusals;
}

function notFoundOf(route: RouteDoc): string {
  const names = { c: 'campaign', p: 'place', s: 'source', id: 'claim', publisher: 'publisher' } as Record<string, string>;
  const things = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => names[m[1] ?? ''] ?? m[1]);
  const audited = route.path.endsWith('/audit/casualties') ? ', or no such casualty figure' : '';
  return `unknown ${things.join(' or ')}${route.path.endsWith('/audit/control') ? ' or place' : ''}${audited}`;
}

/** Answers outside the usual: a health check that fails, a viewer not built. */
function specialOf(route: RouteDoc): Record<string, unknown> {
  if (route.path === '/health')
    return {
      '503': { description: 'not ready: the store did not answer', headers: CORRELATION_HEADER, content: json('HealthDown') },
    };
  if (route.path === '/')
    return {
      '503': {
        description: 'the viewer is not built: says how to build it',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    };
  return {};
}

/** An export's body depends on `format`: one media type per format. */
function exportAnswer(): Record<string, unknown> {
  const content: Record<string, { schema: unknown }> = {};
  for (const format of EXPORT_FORMATS) {
    const known = EXPORT_MEDIA_TYPES[format];
    if (!known || content[known.mediaType]) continue;
    const schema =
      known.mediaType === 'application/geo+json'
        ? ref('ControlGeoJson')
        : { type: 'string', description: mediaFormats(known.mediaType) };
    content[known.mediaType] = { schema };
  }
  return {
    description: 'the file, its media type by `format`',
    headers: {
      ...CORRELATION_HEADER,
      'Content-Disposition': {
        description: 'tables: attachment; filename="<campaign>-acled.csv" (acled and csv) or "<campaign>-ucdp.csv"',
        schema: { type: 'string' },
      },
      'Unreported-Revisions': {
        description: 'tables with reportedBy: the revisions set aside because none of their sources is dated',
        schema: { type: 'string' },
      },
      'Reported-By': { description: 'tables with reportedBy: the reportedBy asked for', schema: { type: 'string' } },
    },
    content,
  };
}

/** What each format answered with `mediaType` is. */
function mediaFormats(mediaType: string): string {
  return exportFormatsDescription(EXPORT_FORMATS.filter((format) => EXPORT_MEDIA_TYPES[format]?.mediaType === mediaType));
}
