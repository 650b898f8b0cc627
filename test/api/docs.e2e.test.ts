import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '@timeline/application';
import { ROUTES } from '../../apps/api/src/docs/api-routes';
import { REQUEST_BODIES } from '../../apps/api/src/docs/request-examples';
import { asAdmin, asEditor, KEYS, startTestApp, type TestApp } from '../support/app';
import { answerChecker, componentChecker, mediaTypeOf } from '../support/documented';
import { CAMPAIGN } from '../support/fixtures';
import type { Json } from '../replay/socket-client';

const C = 'syria-2024';
let app: TestApp;
let doc: Json;

beforeAll(async () => {
  // the shipped campaigns, so every view has something to show; a budget of one expensive read
  // without a key, so the second export without one is refused
  app = await startTestApp({ LOAD_EVENTS: 'true', RATE_LIMIT_EXPENSIVE_READS: '1' });
  doc = (await app.http.get('/docs/openapi.json').expect(200)).body;
}, 120_000);
afterAll(async () => app?.close());

/** `METHOD /path` of every route the running app serves, read from its router, not from the document's table. */
function servedRoutes(): string[] {
  const served = new Set<string>();
  const router = app.app.getHttpAdapter().getInstance().router;
  for (const layer of router.stack) {
    if (!layer.route) continue;
    for (const method of Object.keys((layer.route as unknown as { methods: object }).methods))
      served.add(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...served].filter((r) => !r.includes('/docs'));
}

function operations(): [string, Json][] {
  return Object.entries<Json>(doc.paths).flatMap(([path, ops]) =>
    Object.entries<Json>(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Json]),
  );
}

/** Each parameter of an operation, a `$ref` to a component parameter resolved. */
function parametersOf(op: Json): Json[] {
  return op.parameters.map((p: Json) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p));
}

/** Checks an example against the JSON Schema the document gives it (not the zod schema it came from). */
function exampleChecker() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (v: string) => /T/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addFormat('date', (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v));
  ajv.addFormat('uri', (v: string) => URL.canParse(v));
  return (where: string, schema: Json, example: unknown): string[] => {
    const validate = ajv.compile(schema);
    return validate(example) ? [] : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath} ${e.message}`);
  };
}

/** The examples of a parameter or media type: its `example` and the values of its `examples`. */
function examplesOf(described: Json): unknown[] {
  const examples = Object.values<Json>(described.examples ?? {}).map((e) => e.value);
  return described.example === undefined ? examples : [described.example, ...examples];
}

interface Probe {
  route: string;
  url: string;
  status: number;
  headers?: Record<string, string>;
  body?: object | string;
}

const place = {
  placeId: 'docs-village',
  name: 'Docs village',
  kind: 'village',
  governorate: 'Homs',
  lat: 34.8,
  lon: 36.7,
  precision: 'approximate',
};
const claim = {
  claimId: 'docs-village-taken',
  type: 'control',
  time: { date: '2024-12-08' },
  sources: ['docs-report'],
  quote: 'Opposition forces took the village.',
  place: 'docs-village',
  status: 'controlled',
  controller: 'hts',
};
const claimPath = `/campaigns/${C}/claims/docs-village-taken`;

/** One real request per route and answer, in order (the writes build on each other). */
const PROBES: Probe[] = [
  { route: 'GET /campaigns', url: '/campaigns', status: 200 },
  { route: 'GET /campaigns/{c}', url: `/campaigns/${C}`, status: 200 },
  { route: 'GET /campaigns/{c}', url: '/campaigns/nowhere', status: 404 },
  { route: 'GET /campaigns/{c}/places', url: `/campaigns/${C}/places`, status: 200 },
  { route: 'GET /campaigns/{c}/places/{p}', url: `/campaigns/${C}/places/homs`, status: 200 },
  { route: 'GET /campaigns/{c}/places/{p}', url: `/campaigns/${C}/places/atlantis`, status: 404 },
  { route: 'GET /campaigns/{c}/sources', url: `/campaigns/${C}/sources`, status: 200 },
  { route: 'GET /campaigns/{c}/sources/{s}', url: `/campaigns/${C}/sources/sohr-2024-12-06-homs-withdrawal`, status: 200 },
  { route: 'GET /publishers', url: '/publishers', status: 200 },
  { route: 'GET /me', url: '/me', status: 200, headers: asEditor },
  { route: 'GET /me', url: '/me', status: 401 },
  { route: 'GET /campaigns/{c}/claims', url: `/campaigns/${C}/claims?limit=1000`, status: 200 },
  { route: 'GET /campaigns/{c}/claims', url: `/campaigns/${C}/claims?limit=0`, status: 422 },
  { route: 'GET /campaigns/{c}/claims/{id}', url: `/campaigns/${C}/claims/homs-2024-12-08-homs-captured`, status: 200 },
  { route: 'GET /campaigns/{c}/claims/{id}', url: `/campaigns/${C}/claims/no-such-claim`, status: 404 },
  { route: 'GET /campaigns/{c}/control', url: `/campaigns/${C}/control?day=2024-12-07`, status: 200 },
  {
    route: 'GET /campaigns/{c}/control',
    url: `/campaigns/${C}/control?day=2024-12-07&reportedBy=2024-12-08T00:00:00Z`,
    status: 200,
    headers: asAdmin,
  },
  {
    route: 'GET /campaigns/{c}/control',
    url: `/campaigns/${C}/control?at=2024-12-08T06:00:00Z&knownAt=500`,
    status: 200,
    headers: asAdmin,
  },
  { route: 'GET /campaigns/{c}/control', url: `/campaigns/${C}/control`, status: 422 },
  { route: 'GET /campaigns/{c}/control/days', url: `/campaigns/${C}/control/days`, status: 200 },
  { route: 'GET /campaigns/{c}/places/{p}/history', url: `/campaigns/${C}/places/homs/history`, status: 200 },
  { route: 'GET /campaigns/{c}/casualties', url: `/campaigns/${C}/casualties?day=2024-12-07`, status: 200 },
  { route: 'GET /campaigns/{c}/casualties/series', url: `/campaigns/${C}/casualties/series?side=civilians`, status: 200 },
  { route: 'GET /campaigns/{c}/territory', url: `/campaigns/${C}/territory?day=2024-12-07`, status: 200 },
  { route: 'GET /campaigns/{c}/audit/control', url: `/campaigns/${C}/audit/control?place=homs&day=2024-12-08`, status: 200 },
  {
    route: 'GET /campaigns/{c}/audit/control',
    url: `/campaigns/${C}/audit/control?place=homs&day=2024-12-08&order=reported&reportedBy=2024-12-10T00:00:00Z`,
    status: 200,
    headers: asAdmin,
  },
  {
    route: 'GET /campaigns/{c}/audit/casualties',
    url: `/campaigns/${C}/audit/casualties?side=civilians&category=killed&day=2024-12-07`,
    status: 200,
  },
  {
    route: 'GET /campaigns/{c}/audit/casualties',
    url: `/campaigns/${C}/audit/casualties?side=hts&category=displaced&day=2024-12-07`,
    status: 404,
  },
  { route: 'GET /campaigns/{c}/audit/territory', url: `/campaigns/${C}/audit/territory?faction=hts&day=2024-12-07`, status: 200 },
  {
    route: 'GET /campaigns/{c}/sources/{s}/impact',
    url: `/campaigns/${C}/sources/sohr-2024-12-06-homs-withdrawal/impact`,
    status: 200,
  },
  { route: 'GET /campaigns/{c}/conflicts', url: `/campaigns/${C}/conflicts`, status: 200 },
  {
    route: 'GET /campaigns/{c}/export',
    url: `/campaigns/${C}/export?format=geojson&day=2024-12-07`,
    status: 200,
    headers: asAdmin,
  },
  { route: 'GET /campaigns/{c}/export', url: `/campaigns/${C}/export?format=csv`, status: 200 },
  { route: 'GET /campaigns/{c}/export', url: `/campaigns/${C}/export?format=csv`, status: 429 },
  {
    route: 'GET /campaigns/{c}/export',
    url: `/campaigns/${C}/export?format=geojson&day=2024-13-01`,
    status: 422,
    headers: asAdmin,
  },
  { route: 'GET /admin/projections', url: '/admin/projections', status: 200, headers: asAdmin },
  { route: 'GET /admin/projections', url: '/admin/projections', status: 403, headers: asEditor },
  { route: 'GET /health', url: '/health', status: 200 },
  { route: 'POST /campaigns', url: '/campaigns', status: 201, headers: asAdmin, body: CAMPAIGN },
  { route: 'POST /campaigns', url: '/campaigns', status: 200, headers: asAdmin, body: CAMPAIGN },
  { route: 'POST /campaigns', url: '/campaigns', status: 409, headers: asAdmin, body: { ...CAMPAIGN, title: 'Another title' } },
  { route: 'POST /campaigns', url: '/campaigns', status: 403, headers: asEditor, body: CAMPAIGN },
  {
    route: 'PATCH /campaigns/{c}',
    url: `/campaigns/${CAMPAIGN.campaignId}`,
    status: 200,
    headers: asAdmin,
    body: { window: { from: '2024-11-20', to: '2024-12-31' }, reason: 'earlier start' },
  },
  { route: 'POST /campaigns/{c}/places', url: `/campaigns/${C}/places`, status: 201, headers: asEditor, body: place },
  { route: 'POST /campaigns/{c}/places', url: `/campaigns/${C}/places`, status: 200, headers: asEditor, body: place },
  {
    route: 'POST /campaigns/{c}/places',
    url: `/campaigns/${C}/places`,
    status: 409,
    headers: asEditor,
    body: { ...place, name: 'Other' },
  },
  {
    route: 'POST /campaigns/{c}/places',
    url: `/campaigns/${C}/places`,
    status: 400,
    headers: { ...asEditor, 'Content-Type': 'application/json' },
    body: '{"placeId":',
  },
  {
    route: 'PATCH /campaigns/{c}/places/{p}',
    url: `/campaigns/${C}/places/docs-village`,
    status: 200,
    headers: asEditor,
    body: { aliases: ['Docs'], reason: 'another name' },
  },
  {
    route: 'POST /campaigns/{c}/sources',
    url: `/campaigns/${C}/sources`,
    status: 201,
    headers: asEditor,
    body: { sourceId: 'docs-report', publisher: 'sohr', title: 'Village taken', publishedAt: '2024-12-08' },
  },
  {
    route: 'PATCH /campaigns/{c}/sources/{s}',
    url: `/campaigns/${C}/sources/docs-report`,
    status: 200,
    headers: asEditor,
    body: { language: 'ar', reason: 'the report is in Arabic' },
  },
  {
    route: 'POST /publishers',
    url: '/publishers',
    status: 201,
    headers: asAdmin,
    body: { publisher: 'docs-monitor', name: 'Docs monitor', kind: 'monitor' },
  },
  {
    route: 'POST /publishers/{publisher}/assessments',
    url: '/publishers/docs-monitor/assessments',
    status: 201,
    headers: asAdmin,
    body: { reliability: 'C', reason: 'new' },
  },
  {
    route: 'POST /publishers/{publisher}/assessments',
    url: '/publishers/nobody/assessments',
    status: 404,
    headers: asAdmin,
    body: { reliability: 'C', reason: 'new' },
  },
  { route: 'POST /campaigns/{c}/claims', url: `/campaigns/${C}/claims`, status: 201, headers: asEditor, body: claim },
  { route: 'POST /campaigns/{c}/claims', url: `/campaigns/${C}/claims`, status: 200, headers: asEditor, body: claim },
  {
    route: 'POST /campaigns/{c}/claims',
    url: `/campaigns/${C}/claims`,
    status: 409,
    headers: asEditor,
    body: { ...claim, quote: 'Something else.' },
  },
  {
    route: 'POST /campaigns/{c}/claims',
    url: `/campaigns/${C}/claims`,
    status: 422,
    headers: asEditor,
    body: { ...claim, claimId: 'docs-other', place: 'atlantis' },
  },
  { route: 'POST /campaigns/{c}/claims', url: `/campaigns/${C}/claims`, status: 401, body: claim },
  {
    route: 'POST /campaigns/{c}/claims/{id}/corrections',
    url: `${claimPath}/corrections`,
    status: 201,
    headers: asEditor,
    body: {
      expectedRevision: 0,
      changes: { time: { date: '2024-12-08', part: 'morning' } },
      sources: ['docs-report'],
      reason: 'the morning',
    },
  },
  {
    route: 'POST /campaigns/{c}/claims/{id}/corrections',
    url: `${claimPath}/corrections`,
    status: 409,
    headers: asEditor,
    body: { expectedRevision: 0, changes: { time: { date: '2024-12-08' } }, sources: ['docs-report'], reason: 'stale' },
  },
  {
    route: 'POST /campaigns/{c}/claims/{id}/rank',
    url: `${claimPath}/rank`,
    status: 201,
    headers: asEditor,
    body: { rank: 'preferred', reason: 'confirmed' },
  },
  { route: 'GET /campaigns/{c}/claims/{id}', url: claimPath, status: 200 },
  {
    route: 'POST /campaigns/{c}/claims/{id}/retraction',
    url: `${claimPath}/retraction`,
    status: 201,
    headers: asEditor,
    body: { expectedRevision: 2, reason: 'withdrawn' },
  },
  { route: 'GET /campaigns/{c}/claims/{id}', url: claimPath, status: 200 },
  { route: 'POST /admin/projections/rebuild', url: '/admin/projections/rebuild', status: 202, headers: asAdmin },
  { route: 'GET /admin/projections', url: '/admin/projections', status: 200, headers: asAdmin },
];

describe('the OpenAPI document at /docs/openapi.json', () => {
  it('is served with the Swagger UI at /docs and is a valid OpenAPI 3.1 document', async () => {
    await app.http.get('/docs').expect(200).expect('content-type', /html/);
    expect(doc.openapi).toBe('3.1.0');
    // the validator is an ES module only
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the app serves', () => {
    const documented = new Set(operations().map(([route]) => route));
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('answers every probe as documented: the status is listed and the body fits its schema', async () => {
    const agrees = answerChecker(doc);
    const disagreements: string[] = [];
    for (const probe of PROBES) {
      const [method = 'GET'] = probe.route.split(' ');
      const request = app.http[method.toLowerCase() as 'get' | 'post' | 'patch'](probe.url).set(probe.headers ?? {});
      const res = await (probe.body === undefined ? request : request.send(probe.body));
      if (res.status !== probe.status) {
        disagreements.push(`${probe.route} ${probe.url}: expected ${probe.status}, got ${res.status} ${res.text.slice(0, 200)}`);
        continue;
      }
      const mediaType = mediaTypeOf(res.headers['content-type']);
      const body = mediaType?.endsWith('json') ? JSON.parse(res.text) : res.text;
      disagreements.push(...agrees(probe.route, { status: res.status, mediaType, body }));
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses, as a check of the probes, a body with a wrong type or a field the document does not name', () => {
    const agrees = answerChecker(doc);
    const campaigns = { status: 200, mediaType: 'application/json' };
    expect(agrees('GET /campaigns', { ...campaigns, body: [{ campaignId: 1 }] })).not.toEqual([]);
    const served = { campaignId: 'c', title: 't', timeZone: 'UTC', window: { from: '2024-01-01', to: '2024-01-02' } };
    const counts = { claims: 0, places: 0, sources: 0 };
    expect(agrees('GET /campaigns', { ...campaigns, body: [{ ...served, counts }] })).toEqual([]);
    expect(agrees('GET /campaigns', { ...campaigns, body: [{ ...served, counts, secret: true }] })).not.toEqual([]);
    expect(agrees('GET /campaigns', { status: 418, body: '' })).not.toEqual([]);
  });

  it('is probed for every GET route the app serves and for a 304, 401, 403, 404, 409 and 422', () => {
    const probed = new Set(PROBES.map((p) => p.route));
    expect(servedRoutes().filter((r) => r.startsWith('GET ') && r !== 'GET /' && !probed.has(r))).toEqual([]);
    expect(new Set(PROBES.map((p) => p.status))).toEqual(new Set([200, 201, 202, 400, 401, 403, 404, 409, 422, 429]));
  });

  it("answers 304 to an If-None-Match holding the day's map's ETag", async () => {
    const url = `/campaigns/${C}/control?day=2024-12-07`;
    const etag = (await app.http.get(url).expect(200)).headers.etag as string;
    await app.http.get(url).set('If-None-Match', etag).expect(304);
    expect(doc.paths['/campaigns/{c}/control'].get.responses['304']).toBeDefined();
    expect(doc.paths['/campaigns/{c}/control'].get.responses['200'].headers).toHaveProperty('ETag');
  });

  it('answers every export format with a documented media type, the map and the log fitting their schemas', async () => {
    const content = doc.paths['/campaigns/{c}/export'].get.responses['200'].content;
    const line = componentChecker(doc, 'LogLine');
    const map = componentChecker(doc, 'ControlGeoJson');
    for (const format of EXPORT_FORMATS) {
      const day = format === 'geojson' ? '&day=2024-12-07' : '';
      const res = await app.http.get(`/campaigns/${C}/export?format=${format}${day}`).set(asAdmin).expect(200);
      const mediaType = mediaTypeOf(res.headers['content-type']) ?? '';
      expect(Object.keys(content), `format=${format}`).toContain(mediaType);
      if (mediaType === 'application/x-ndjson')
        expect(
          res.text
            .trim()
            .split('\n')
            .slice(0, 500)
            .flatMap((l) => line(JSON.parse(l))),
        ).toEqual([]);
      if (mediaType === 'application/geo+json') expect(map(JSON.parse(res.text))).toEqual([]);
    }
  });

  it('gives every answer a schema, by name under #/components/schemas for JSON', () => {
    const missing: string[] = [];
    for (const [route, op] of operations())
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        if (status === '304') continue;
        if (!response.content) missing.push(`${route} ${status}: no content`);
        for (const [mediaType, media] of Object.entries<Json>(response.content ?? {})) {
          if (!media.schema) missing.push(`${route} ${status} ${mediaType}: no schema`);
          else if (/[/+]json$/.test(mediaType) && !String(media.schema.$ref).startsWith('#/components/schemas/'))
            missing.push(`${route} ${status} ${mediaType}: not a named schema`);
        }
      }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'ControlMap', 'ClaimNow']));
  });

  it('describes every parameter and gives it an example', () => {
    const undocumented: string[] = [];
    for (const [route, op] of operations())
      for (const p of parametersOf(op)) {
        if (!p.description) undocumented.push(`${route} ${p.in} ${p.name}: no description`);
        if (p.example === undefined) undocumented.push(`${route} ${p.in} ${p.name}: no example`);
      }
    expect(undocumented).toEqual([]);
  });

  it('gives every parameter and request body an example that its own schema in the document accepts', () => {
    const fits = exampleChecker();
    const misfits: string[] = [];
    let checked = 0;
    for (const [route, op] of operations()) {
      for (const p of parametersOf(op))
        for (const example of examplesOf(p)) {
          checked++;
          misfits.push(...fits(`${route} ${p.in} ${p.name}`, p.schema, example));
        }
      for (const [mediaType, media] of Object.entries<Json>(op.requestBody?.content ?? {}))
        for (const example of examplesOf(media)) {
          checked++;
          misfits.push(...fits(`${route} body ${mediaType}`, media.schema, example));
        }
    }
    expect(misfits).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('refuses, as a check of that check, an example of the wrong type', () => {
    const fits = exampleChecker();
    const history = parametersOf(doc.paths['/campaigns/{c}/export'].get).find((p) => p.name === 'history');
    expect(fits('history', history.schema, true)).not.toEqual([]);
    expect(fits('history', history.schema, 'true')).toEqual([]);
  });

  it('describes every request body with an example its schema accepts', () => {
    const problems: string[] = [];
    for (const route of ROUTES.filter((r) => r.body)) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const body = doc.paths[route.path][route.method].requestBody;
      if (!body.description) problems.push(`${key}: no description`);
      const example = body.content['application/json'].example;
      if (example === undefined) problems.push(`${key}: no example`);
      else if (!route.body?.safeParse(example).success) problems.push(`${key}: the example is refused`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(REQUEST_BODIES).sort()).toEqual(
      ROUTES.filter((r) => r.body)
        .map((r) => `${r.method.toUpperCase()} ${r.path}`)
        .sort(),
    );
  });

  it('names every operation with a unique camelCase operationId from the route table', () => {
    const ids = operations().map(([route, op]) => [route, op.operationId] as [string, unknown]);
    expect(ids).toHaveLength(ROUTES.length);
    expect(ids.filter(([, id]) => typeof id !== 'string' || !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    const names = ids.map(([, id]) => id);
    expect(names.filter((id, i) => names.indexOf(id) !== i)).toEqual([]);
    // clients generated from the document call these names: a rename breaks them
    expect(Object.fromEntries(ids)).toMatchObject({
      'GET /campaigns': 'listCampaigns',
      'GET /campaigns/{c}/control': 'getControlView',
      'GET /campaigns/{c}/export': 'exportCampaign',
      'POST /campaigns/{c}/claims': 'recordClaims',
    });
  });

  it('says what every export format is: in the summary, the description and the media type that answers it', async () => {
    const op = doc.paths['/campaigns/{c}/export'].get;
    for (const format of EXPORT_FORMATS) {
      expect(op.summary, format).toMatch(new RegExp(`\\(${format}[),]| ${format}\\)`));
      expect(op.description, format).toContain(`format=${format}: `);
    }
    expect(op.description).toContain('ACLED’s 31 columns in ACLED’s order');
    expect(op.description).toContain('`properties.unlocated`');
    const tables = op.responses['200'].content['text/csv'].schema.description;
    expect(tables).toContain('format=csv: the same table as acled');
    expect(tables).toContain('format=ucdp: the deaths as UCDP GED’s table');
    // what the document says of csv and acled is so: the same file
    const exported = (format: string) => app.http.get(`/campaigns/${C}/export?format=${format}`).set(asAdmin).expect(200);
    const acled = await exported('acled');
    const csv = await exported('csv');
    expect(csv.text).toBe(acled.text);
    expect(acled.text.split('\n')[0]?.split(',').slice(0, 2)).toEqual(['event_id_cnty', 'event_date']);
  });

  it('says the client sends the key part of an API_KEYS entry as a bearer token, which the service accepts', async () => {
    const bearer = doc.components.securitySchemes.bearer;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.description).toContain('`Authorization: Bearer <key>`');
    expect(bearer.description).toContain('key part only');
    await app.http.get('/me').set('Authorization', `Bearer ${KEYS.editor}`).expect(200);
    await app.http.get('/me').set('Authorization', `Bearer editor:editor:${KEYS.editor}`).expect(401);
  });

  it('groups the routes by area, each tag described', () => {
    const tags = new Map<string, string>(doc.tags.map((t: Json) => [t.name, t.description]));
    for (const [route, op] of operations()) {
      expect(op.tags, route).toHaveLength(1);
      expect(tags.get(op.tags[0]), route).toBeTruthy();
    }
    expect([...tags.keys()]).toEqual(
      expect.arrayContaining(['campaigns', 'catalog', 'claims', 'views', 'audits', 'exports', 'admin', 'health', 'auth']),
    );
  });

  it('describes request bodies with the schemas that validate them', () => {
    const claimBody = doc.paths['/campaigns/{c}/claims'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(claimBody)).toContain('"controlled"');
    const placeBody = doc.paths['/campaigns/{c}/places'].post.requestBody.content['application/json'].schema;
    expect(placeBody.required).toEqual(expect.arrayContaining(['placeId', 'name', 'kind', 'precision']));
    expect(placeBody.required).not.toContain('governorate');
  });

  it("types a correction's changes per type of claim", () => {
    const body = doc.paths['/campaigns/{c}/claims/{id}/corrections'].post.requestBody.content['application/json'].schema;
    const branches = body.properties.changes.anyOf as { title: string; properties: Record<string, unknown> }[];
    expect(branches.map((b) => b.title)).toEqual([
      'Changes to a control claim',
      'Changes to a casualties claim',
      'Changes to a territory claim',
      'Changes to an incident claim',
    ]);
    expect(Object.keys(branches[0]?.properties ?? {})).toEqual(expect.arrayContaining(['place', 'status', 'controller', 'time']));
    expect(Object.keys(branches[1]?.properties ?? {})).toEqual(expect.arrayContaining(['side', 'category', 'count']));
    expect(Object.keys(branches[0]?.properties ?? {})).not.toContain('claimId');
  });

  it('names the correlation id and the 429s with Retry-After', () => {
    const control = doc.paths['/campaigns/{c}/control'].get;
    expect(control.parameters).toContainEqual({ $ref: '#/components/parameters/CorrelationId' });
    expect(doc.components.parameters.CorrelationId).toMatchObject({ name: 'X-Correlation-Id', in: 'header' });
    for (const [path, method] of [
      ['/campaigns/{c}/control', 'get'],
      ['/campaigns/{c}/export', 'get'],
      ['/campaigns/{c}/claims', 'post'],
    ] as const)
      expect(doc.paths[path][method].responses['429'].headers, path).toHaveProperty('Retry-After');
    expect(doc.paths['/campaigns']?.get.responses['429']).toBeUndefined();
  });
});
