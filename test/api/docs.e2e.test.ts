import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

describe('/docs', () => {
  it('serves the Swagger UI and an OpenAPI document describing every route the app serves', async () => {
    await app.http.get('/docs').expect(200).expect('content-type', /html/);
    const doc = (await app.http.get('/docs/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const served = new Set<string>();
    const router = app.app.getHttpAdapter().getInstance().router;
    for (const layer of router.stack) {
      if (!layer.route) continue;
      for (const method of Object.keys((layer.route as unknown as { methods: object }).methods))
        served.add(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const ours = [...served].filter((r) => !r.includes('/docs'));
    expect(ours.length).toBeGreaterThan(15);
    expect(ours.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('describes request bodies with the schemas that validate them', async () => {
    const doc = (await app.http.get('/docs/openapi.json')).body;
    const claimBody = doc.paths['/campaigns/{c}/claims'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(claimBody)).toContain('"controlled"');
    const place = doc.paths['/campaigns/{c}/places'].post.requestBody.content['application/json'].schema;
    expect(place.required).toEqual(expect.arrayContaining(['placeId', 'name', 'kind', 'precision']));
    expect(place.required).not.toContain('governorate');
  });

  it("types a correction's changes per type of claim", async () => {
    const doc = (await app.http.get('/docs/openapi.json')).body;
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

  it("names the correlation id, the ETag of a day's map, and the 429s with Retry-After", async () => {
    const doc = (await app.http.get('/docs/openapi.json')).body;
    const control = doc.paths['/campaigns/{c}/control'].get;
    expect(control.parameters).toContainEqual({ $ref: '#/components/parameters/CorrelationId' });
    expect(doc.components.parameters.CorrelationId).toMatchObject({ name: 'X-Correlation-Id', in: 'header' });
    expect(control.responses['200'].headers).toHaveProperty('ETag');
    expect(control.responses['304']).toBeDefined();
    for (const [path, method] of [
      ['/campaigns/{c}/control', 'get'],
      ['/campaigns/{c}/export', 'get'],
      ['/campaigns/{c}/claims', 'post'],
    ] as const)
      expect(doc.paths[path][method].responses['429'].headers, path).toHaveProperty('Retry-After');
    expect(doc.paths['/campaigns']?.get.responses['429']).toBeUndefined();
  });
});
