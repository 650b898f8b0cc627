#!/usr/bin/env node
// What share of each shipped campaign's claims cite a dated source — a source with a publishedAt,
// without which a claim has no reportedAt (domain.md, "Three clocks"; a source public before the
// claim's valid time began does not date it either, which this count of events/ does not check).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'events');
const items = (dir, key) => readdirSync(dir).flatMap((file) => JSON.parse(readFileSync(join(dir, file), 'utf8'))[key]);

for (const campaign of readdirSync(root).sort()) {
  const dir = join(root, campaign);
  if (!statSync(dir).isDirectory() || campaign === 'articles') continue;
  const sources = new Map(items(join(dir, 'sources'), 'sources').map((s) => [s.sourceId, s]));
  const claims = items(join(dir, 'claims'), 'claims');
  const dated = (s) => s?.publishedAt !== null && s?.publishedAt !== undefined;
  const reported = claims.filter((c) => c.sources.some((id) => dated(sources.get(id))));
  const byBound = reported.filter((c) =>
    c.sources.every((id) => !dated(sources.get(id)) || typeof sources.get(id).publishedAt === 'object'),
  );
  const share = claims.length ? ((100 * reported.length) / claims.length).toFixed(1) : '0.0';
  const days = [...sources.values()].filter((s) => typeof s.publishedAt === 'string').length;
  const bounds = [...sources.values()].filter((s) => s.publishedAt !== null && typeof s.publishedAt === 'object').length;
  process.stdout.write(
    `${campaign}: ${reported.length} of ${claims.length} claims (${share} %) cite a dated source ` +
      `(${byBound.length} of them only a "published by" bound); sources: ${sources.size}, ` +
      `${days} dated, ${bounds} published-by, ${sources.size - days - bounds} undated\n`,
  );
}
