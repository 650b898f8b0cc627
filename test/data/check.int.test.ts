import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaigns, Timeline } from '@timeline/application';
import {
  CampaignRegistration,
  PlaceRegistration,
  PublisherRegistration,
  SourceRegistration,
  ClaimInput,
  fieldErrors,
} from '@timeline/domain';
import { MemoryEventStore } from '@timeline/store';
import { isDated, normalise, readableText, sentences } from './article-text';

const EVENTS = join(__dirname, '../../events');
const ARTICLES = join(EVENTS, 'articles');
const campaigns = readdirSync(EVENTS)
  .filter((d) => existsSync(join(EVENTS, d, 'campaign.json')))
  .sort();

interface FileOf<T> {
  file: string;
  article?: string;
  governorate?: string;
  items: T[];
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
function filesOf<T>(campaign: string, folder: string, key: string): FileOf<T>[] {
  const dir = join(EVENTS, campaign, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const json = read(join(dir, f));
      return { file: `${campaign}/${folder}/${f}`, article: json.article, governorate: json.governorate, items: json[key] ?? [] };
    });
}
/** The article as read, and (for wikitext) with its templates kept, so infobox figures can be quoted. */
function articleText(article: string): { text: string; withTemplates: string; file: string } | undefined {
  for (const ext of ['.wiki', '.txt']) {
    const file = join(ARTICLES, article + ext);
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    return { file, text: readableText(source, ext === '.wiki'), withTemplates: readableText(source, ext === '.wiki', true) };
  }
  return undefined;
}
const problemsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, item: unknown, where: string) => {
  const result = schema.safeParse(item);
  return result.success ? [] : fieldErrors(result.error as never).map((e) => `${where}: ${e.path} ${e.message}`);
};

describe('events/: the shipped campaign data', () => {
  it('has both campaigns', () => {
    expect(campaigns).toEqual(['palmyra-2017', 'syria-2024']);
  });

  it.each(campaigns)('%s: every file matches the schemas, ids are unique and files are sorted', (campaign) => {
    const problems: string[] = [];
    problems.push(
      ...problemsOf(CampaignRegistration, read(join(EVENTS, campaign, 'campaign.json')), `${campaign}/campaign.json`),
    );
    const seen = new Map<string, string>();
    const unique = (kind: string, id: string, file: string) => {
      const key = `${kind}:${id}`;
      if (seen.has(key)) problems.push(`${file}: ${kind} "${id}" is also in ${seen.get(key)}`);
      seen.set(key, file);
    };
    const sorted = (file: string, keys: string[]) => {
      const copy = [...keys].sort();
      if (keys.join('\n') !== copy.join('\n')) problems.push(`${file}: items are not sorted by id`);
    };
    for (const f of filesOf<{ placeId: string }>(campaign, 'places', 'places')) {
      f.items.forEach((p, i) => problems.push(...problemsOf(PlaceRegistration, p, `${f.file} places.${i}`)));
      f.items.forEach((p) => unique('place', p.placeId, f.file));
      sorted(
        f.file,
        f.items.map((p) => p.placeId),
      );
    }
    for (const f of filesOf<{ sourceId: string }>(campaign, 'sources', 'sources')) {
      f.items.forEach((s, i) => problems.push(...problemsOf(SourceRegistration, s, `${f.file} sources.${i}`)));
      f.items.forEach((s) => unique('source', s.sourceId, f.file));
      sorted(
        f.file,
        f.items.map((s) => s.sourceId),
      );
    }
    for (const f of filesOf<{ claimId?: string }>(campaign, 'claims', 'claims')) {
      if (!f.article || !articleText(f.article)) problems.push(`${f.file}: "article" must name a file in events/articles/`);
      f.items.forEach((c, i) => {
        problems.push(...problemsOf(ClaimInput, c, `${f.file} claims.${i}`));
        if (!c.claimId) problems.push(`${f.file} claims.${i}: claimId is required in events/ (stable ids)`);
        else unique('claim', c.claimId, f.file);
      });
    }
    expect(problems).toEqual([]);
  });

  it('publishers.json lists publishers claims are attributed to', () => {
    const file = join(EVENTS, 'publishers.json');
    const problems = existsSync(file)
      ? (read(file).publishers as unknown[]).flatMap((p, i) =>
          problemsOf(PublisherRegistration, p, `publishers.json publishers.${i}`),
        )
      : [];
    expect(problems).toEqual([]);
  });

  it('loads through the service with every reference resolved, and loading again stores nothing', async () => {
    const timeline = new Timeline(new MemoryEventStore());
    await timeline.start();
    try {
      const first = await loadCampaigns(timeline, EVENTS);
      expect(first.problems).toEqual([]);
      expect(first.created).toBeGreaterThan(0);
      const head = await timeline.store.headPosition();
      const second = await loadCampaigns(timeline, EVENTS);
      expect(second.problems).toEqual([]);
      expect(second.created).toBe(0);
      expect(await timeline.store.headPosition()).toBe(head);
    } finally {
      await timeline.close();
    }
  });

  it.each(campaigns)('%s: every claim quotes a sentence of its article verbatim, and each article is covered', (campaign) => {
    const missing: string[] = [];
    const coverage: string[] = [];
    for (const f of filesOf<{ claimId: string; quote: string }>(campaign, 'claims', 'claims')) {
      const article = articleText(f.article ?? '');
      if (!article) continue;
      const texts = [normalise(article.text), normalise(article.withTemplates)];
      for (const claim of f.items) {
        const quote = normalise(claim.quote);
        if (!texts.some((text) => text.includes(quote)))
          missing.push(`${f.file} ${claim.claimId}: quote not found in ${f.article}: "${claim.quote.slice(0, 80)}…"`);
      }
      const quotes = f.items.map((c) => normalise(c.quote));
      const dated = sentences(article.text).filter(isDated).map(normalise);
      const covered = dated.filter((s) => quotes.some((q) => q.includes(s) || s.includes(q)));
      coverage.push(
        `${f.article}: ${covered.length} of ${dated.length} dated sentences produced claims (${f.items.length} claims)`,
      );
      expect(covered.length, `${f.article} coverage`).toBeGreaterThan(0);
    }
    console.log(`[coverage] ${campaign}\n  ${coverage.join('\n  ')}`);
    expect(missing).toEqual([]);
  });
});
