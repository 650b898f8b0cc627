import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from './event-writer';
import {
  attemptItem,
  LOADER_ACTOR,
  loadCampaign,
  loadClaim,
  loadPlace,
  loadSource,
  type LoadOutcome,
  reviseClaim,
  splitStoredClaims,
} from './shipped-items';
import type { Timeline } from './timeline';

export interface LoadReport {
  created: number;
  unchanged: number;
  /** Stored items brought to a revised shipped version by correction events. */
  corrected: number;
  /** Stored items differing from the shipped version that an editor has written to, left as they are. */
  kept: number;
  problems: string[];
}

const CHUNK = 500;

/**
 * Appends the campaigns of an `events/` folder through the same use cases as the API. Ids are
 * stable and a registration or claim already stored with the same content is not stored again,
 * so loading twice stores each event once. A place, source or claim stored from an earlier
 * version of the data is corrected to the shipped one while only the loader has written it, and
 * kept as it is once an editor has. A file or item that fails is reported and skipped.
 */
export async function loadCampaigns(
  timeline: Timeline,
  dir: string,
  log: (line: string) => void = () => undefined,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<LoadReport> {
  const report: LoadReport = { created: 0, unchanged: 0, corrected: 0, kept: 0, problems: [] };
  const publishersFile = join(dir, 'publishers.json');
  const publishers = existsSync(publishersFile) ? readJson<{ publishers: unknown[] }>(publishersFile).publishers : [];
  const campaigns = campaignFolders(dir).map(readCampaignFolder);
  const total = publishers.length + campaigns.reduce((n, c) => n + 1 + c.places.length + c.sources.length + c.claims.length, 0);
  const context = (what: string): CommandContext => ({ actor: LOADER_ACTOR, correlationId: `load:${what}`, now: new Date() });
  const count = (outcome: LoadOutcome, n = 1): void => {
    report[outcome] += n;
    progress(report.created + report.unchanged + report.corrected + report.kept, total);
  };
  const attempt = (what: string, action: () => Promise<void>) =>
    attemptItem(what, action, (problem) => {
      report.problems.push(problem);
      log(`could not load ${problem}`);
    });
  const settle = (campaignId: string, what: string, id: string, load: () => Promise<LoadOutcome>) =>
    attempt(`${campaignId} ${what} ${id}`, async () => {
      const outcome = await load();
      if (outcome === 'kept')
        log(
          `kept the editor's version of ${id}: the ${what} of ${campaignId} differs from the shipped data and an editor has changed it`,
        );
      count(outcome);
    });

  for (const publisher of publishers) {
    await attempt(`publishers.json ${(publisher as { publisher?: string }).publisher}`, async () =>
      count((await timeline.catalog.registerPublisher(publisher, context('publishers'))).outcome),
    );
  }

  for (const { campaign, places, sources, claims } of campaigns) {
    const campaignId = campaign.campaignId;
    await attempt(`${campaignId}/campaign.json`, async () => {
      const outcome = await loadCampaign(timeline, campaign, context(campaignId));
      if (outcome === 'kept')
        log(`kept the stored campaign ${campaignId}: its campaign.json differs and an admin has amended it`);
      count(outcome);
    });

    for (const place of parentsFirst(places)) {
      await settle(campaignId, 'place', place.placeId, () =>
        loadPlace(timeline, campaignId, place, context(`${campaignId}:places`)),
      );
    }
    for (const source of sources) {
      await settle(campaignId, 'source', source.sourceId, () =>
        loadSource(timeline, campaignId, source, context(`${campaignId}:sources`)),
      );
    }

    const claimContext = context(`${campaignId}:claims`);
    for (const chunk of referencedFirst(claims)) {
      // new claims go in together; stored ones are compared one by one, so none fails the others
      const { fresh, stored } = await splitStoredClaims(timeline, campaignId, chunk);
      if (fresh.length && !(await recordTogether(timeline, campaignId, fresh, claimContext, count))) {
        for (const claim of fresh) {
          await settle(campaignId, 'claim', claim.claimId ?? '(no id)', () =>
            loadClaim(timeline, campaignId, claim, claimContext),
          );
        }
      }
      for (const claim of stored) {
        await settle(campaignId, 'claim', claim.claimId, () => reviseClaim(timeline, campaignId, claim, claimContext));
      }
    }
  }
  return report;
}

/** Records new claims in one all-or-nothing batch; false when it failed, so they go one by one. */
async function recordTogether(
  timeline: Timeline,
  campaignId: string,
  claims: unknown[],
  context: CommandContext,
  count: (outcome: LoadOutcome, n: number) => void,
): Promise<boolean> {
  try {
    const result = await timeline.claims.record(campaignId, { claims }, context);
    count(result.outcome, result.claims.length);
    return true;
  } catch {
    return false;
  }
}

/** One campaign's folder, every file read once. */
function readCampaignFolder(campaignDir: string) {
  return {
    campaign: readJson<{ campaignId: string }>(join(campaignDir, 'campaign.json')),
    places: itemsOf<{ placeId: string; parent?: string }>(join(campaignDir, 'places'), 'places'),
    sources: itemsOf<{ sourceId: string }>(join(campaignDir, 'sources'), 'sources'),
    claims: itemsOf<{ claimId?: string; denies?: string[]; corroborates?: string }>(join(campaignDir, 'claims'), 'claims'),
  };
}

function campaignFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'campaign.json')))
    .map((entry) => join(dir, entry.name))
    .sort();
}

function itemsOf<T>(folder: string, key: string): T[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => readJson<Record<string, T[]>>(join(folder, name))[key] ?? []);
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Places ordered so a parent is registered before the places inside it. */
function parentsFirst<T extends { placeId: string; parent?: string }>(places: T[]): T[] {
  const byId = new Map(places.map((p) => [p.placeId, p]));
  const ordered: T[] = [];
  const done = new Set<string>();
  const visit = (place: T, depth: number) => {
    if (done.has(place.placeId) || depth > 20) return;
    const parent = place.parent ? byId.get(place.parent) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(place.placeId);
    ordered.push(place);
  };
  places.forEach((p) => visit(p, 0));
  return ordered;
}

/**
 * Claims in chunks such that a claim that denies or corroborates another comes in a later chunk
 * than, or the same chunk as, the claim it names.
 */
function referencedFirst<T extends { claimId?: string; denies?: string[]; corroborates?: string }>(claims: T[]): T[][] {
  const level = new Map<string, number>();
  const byId = new Map(claims.flatMap((c) => (c.claimId ? [[c.claimId, c] as const] : [])));
  const depth = (claim: T, seen: Set<string>): number => {
    const id = claim.claimId;
    const known = id === undefined ? undefined : level.get(id);
    if (known !== undefined) return known;
    const refs = [...(claim.denies ?? []), ...(claim.corroborates ? [claim.corroborates] : [])];
    let d = 0;
    for (const ref of refs) {
      const target = byId.get(ref);
      if (target && !seen.has(ref)) d = Math.max(d, depth(target, new Set([...seen, ref])) + 1);
    }
    if (id) level.set(id, d);
    return d;
  };
  const levels: T[][] = [];
  for (const claim of claims) (levels[depth(claim, new Set(claim.claimId ? [claim.claimId] : []))] ??= []).push(claim);
  return levels.filter(Boolean).flatMap((group) => {
    const chunks: T[][] = [];
    for (let i = 0; i < group.length; i += CHUNK) chunks.push(group.slice(i, i + CHUNK));
    return chunks;
  });
}
