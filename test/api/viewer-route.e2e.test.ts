import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app';

describe('GET /: the web viewer', () => {
  it('serves the built page, and its hashed assets cached for good', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viewer-route-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = await startTestApp({ VIEWER_DIR: dir });
    try {
      const page = await app.http.get('/').expect(200);
      expect(page.text).toContain('<title>viewer</title>');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const asset = await app.http.get('/assets/index-abc123.js').expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      await app.http.get('/assets/missing.js').expect(404);
      // the page is revalidated, and only the page and its assets are files: nothing else is looked up on disk
      expect((await app.http.get('/index.html').expect(200)).headers['cache-control']).toBe('public, max-age=0');
      writeFileSync(join(dir, 'stray.txt'), 'not part of the viewer');
      await app.http.get('/stray.txt').expect(404);
    } finally {
      await app.close();
    }
  });

  it('says how to build the viewer when it is not built, and serves the API as usual', async () => {
    const app = await startTestApp({ VIEWER_DIR: join(tmpdir(), 'no-viewer-here') });
    try {
      const page = await app.http.get('/').expect(503);
      expect(page.text).toContain('npm run build');
      await app.http.get('/campaigns').expect(200);
    } finally {
      await app.close();
    }
  });
});
