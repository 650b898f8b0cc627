import {
  type CampaignRegistration,
  DAY_PARTS,
  GRADES,
  type Grade,
  type PlaceRegistration,
  type SourceRegistration,
  addDays,
} from '@timeline/domain';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same campaign. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  claims: number;
  seed?: number;
  campaignId?: string;
  days?: number;
}

/** One write of the generated history, in the order it is recorded. */
export type SyntheticWrite =
  | { kind: 'claim'; body: Record<string, unknown> }
  | { kind: 'correction'; claimId: string; changes: Record<string, unknown>; sources: string[]; reason: string }
  | { kind: 'retraction'; claimId: string; reason: string }
  | { kind: 'rank'; claimId: string; rank: 'preferred' | 'deprecated'; reason: string }
  | { kind: 'assessment'; publisher: string; reliability: Grade; reason: string };

export interface SyntheticCampaign {
  campaign: CampaignRegistration;
  places: PlaceRegistration[];
  sources: SourceRegistration[];
  writes: SyntheticWrite[];
}

const FACTIONS = [
  { id: 'hts', bloc: 'opposition' },
  { id: 'sna', bloc: 'opposition' },
  { id: 'sfa', bloc: 'opposition' },
  { id: 'saa', bloc: 'government' },
  { id: 'sdf', bloc: 'sdf' },
  { id: 'isis', bloc: 'isis' },
];
const PUBLISHERS = 20;
const CATEGORIES = ['killed', 'wounded', 'captured', 'displaced'] as const;
const SIDES = ['civilians', 'saa', 'hts', 'sdf'];
const KINDS = ['airstrike', 'shelling', 'ambush', 'announcement', 'evacuation', 'infrastructure'];

/**
 * A campaign shaped like the seed campaigns — control claims about half the record, then
 * incidents, casualty figures (incident and cumulative, some corroborating others), territory
 * aggregates — with the editing a real record sees: corrections, ranks, retractions, denials and
 * publisher grades. Deterministic from the seed.
 */
export function syntheticCampaign(options: SyntheticOptions): SyntheticCampaign {
  const random = prng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const campaignId = options.campaignId ?? 'synthetic';
  const days = options.days ?? 40;
  const start = '2024-11-27';
  const placeCount = Math.max(50, Math.round(options.claims / 200));
  const sourceCount = Math.max(20, Math.round(options.claims / 20));
  const publisherAt = (i: number) => `publisher-${i % PUBLISHERS}`;
  const publishers = Array.from({ length: PUBLISHERS }, (_, i) => publisherAt(i));

  const campaign: CampaignRegistration = {
    campaignId,
    title: `Synthetic campaign of ${options.claims} claims`,
    timeZone: 'Asia/Damascus',
    window: { from: start, to: addDays(start, days - 1) },
    // a multi-day claim of the last days runs up to three days past the window
    claimWindow: { from: start, to: addDays(start, days + 2) },
    blocs: [
      { id: 'opposition', name: 'Opposition', color: '#4caf50' },
      { id: 'government', name: 'Government', color: '#e53935' },
      { id: 'sdf', name: 'SDF', color: '#fdd835' },
      { id: 'isis', name: 'ISIS', color: '#424242' },
    ],
    factions: FACTIONS.map((f) => ({ id: f.id, name: f.id.toUpperCase(), bloc: f.bloc })),
    operations: [
      { id: 'north', title: 'North' },
      { id: 'south', title: 'South' },
    ],
  };
  const places = Array.from({ length: placeCount }, (_, i): PlaceRegistration => ({
    placeId: `place-${i}`,
    name: `Place ${i}`,
    aliases: [],
    kind: pick(['city', 'town', 'village', 'base'] as const),
    governorate: `Governorate ${i % 14}`,
    lat: 32 + random() * 5,
    lon: 35.5 + random() * 6,
    precision: random() < 0.8 ? 'approximate' : 'exact',
  }));
  const sources = Array.from({ length: sourceCount }, (_, i): SourceRegistration => ({
    sourceId: `source-${i}`,
    publisher: publisherAt(i),
    publisherName: `Publisher ${i % publishers.length}`,
    publisherKind: pick(['monitor', 'news-agency', 'belligerent', 'government'] as const),
    title: `Report ${i}`,
    url: `https://example.org/report/${i}`,
    publishedAt: addDays(start, i % days),
    language: 'en',
  }));

  const time = () => {
    const date = addDays(start, int(0, days - 1));
    const form = random();
    if (form < 0.45) return { date };
    if (form < 0.7) return { date, part: pick(DAY_PARTS) };
    if (form < 0.85) return { date, hour: int(0, 23) };
    if (form < 0.93) return { date, by: `${String(int(1, 23)).padStart(2, '0')}:00` };
    return { from: date, to: addDays(date, int(1, 3)) };
  };
  const writes: SyntheticWrite[] = publishers.slice(0, 12).map((publisher) => ({
    kind: 'assessment' as const,
    publisher,
    reliability: pick(GRADES),
    reason: 'initial grade',
  }));
  const recorded: { claimId: string; type: string; revision: number }[] = [];
  const incidentCasualties: string[] = [];

  for (let n = 0; n < options.claims; n++) {
    const claimId = `${campaignId}-claim-${n}`;
    const common = {
      claimId,
      operation: pick(['north', 'south']),
      time: time(),
      sources: [`source-${int(0, sourceCount - 1)}`],
      quote: `Generated report ${n}.`,
    };
    const r = random();
    let body: Record<string, unknown>;
    if (r < 0.5) {
      const status = pick(['controlled', 'controlled', 'controlled', 'contested', 'besieged', 'vacated'] as const);
      const controller = pick(FACTIONS).id;
      const other = pick(FACTIONS.filter((f) => f.id !== controller)).id;
      body = {
        ...common,
        type: 'control',
        place: `place-${int(0, placeCount - 1)}`,
        status,
        ...(status === 'controlled'
          ? { controller }
          : status === 'contested'
            ? { controller, contestedBy: other }
            : status === 'besieged'
              ? { controller, besiegedBy: other }
              : { vacatedBy: controller }),
      };
      if (random() < 0.02 && recorded.length) {
        const target = pick(recorded);
        if (target.type === 'control') body.denies = [target.claimId];
      }
    } else if (r < 0.7) {
      const scope = random() < 0.7 ? 'incident' : 'cumulative';
      const best = scope === 'incident' ? int(0, 40) : int(10, 3000);
      const count =
        random() < 0.1
          ? { best, low: best, openEnded: true }
          : random() < 0.3
            ? { best, low: Math.floor(best * 0.8), high: Math.ceil(best * 1.3) }
            : best;
      body = {
        ...common,
        type: 'casualties',
        side: pick(SIDES),
        category: pick(CATEGORIES),
        count,
        scope,
        ...(random() < 0.3 ? { place: `place-${int(0, placeCount - 1)}` } : {}),
      };
      if (scope === 'incident' && random() < 0.1 && incidentCasualties.length) body.corroborates = pick(incidentCasualties);
      if (random() < 0.2) body.attributedTo = pick(publishers);
    } else if (r < 0.75) {
      body = {
        ...common,
        type: 'territory',
        faction: pick(FACTIONS).id,
        scope: random() < 0.6 ? 'incident' : 'cumulative',
        settlements: int(1, 60),
        ...(random() < 0.5 ? { areaKm2: int(5, 2000) } : {}),
      };
    } else {
      body = {
        ...common,
        type: 'incident',
        kind: pick(KINDS),
        place: `place-${int(0, placeCount - 1)}`,
        actors: [pick(FACTIONS).id],
      };
    }
    writes.push({ kind: 'claim', body });
    recorded.push({ claimId, type: String(body.type), revision: 0 });
    if (body.type === 'casualties' && body.scope === 'incident' && !body.corroborates) incidentCasualties.push(claimId);

    // editing: a real record is corrected, ranked and retracted as it goes
    if (random() < 0.08 && recorded.length > 10) {
      const target = pick(recorded);
      const edit = random();
      if (edit < 0.6) {
        const changes =
          target.type === 'control'
            ? { time: time() }
            : target.type === 'casualties'
              ? { count: int(0, 500) }
              : { quote: `Corrected report ${n}.` };
        writes.push({
          kind: 'correction',
          claimId: target.claimId,
          changes,
          sources: [`source-${int(0, sourceCount - 1)}`],
          reason: 'the source revised it',
        });
      } else if (edit < 0.85) {
        writes.push({
          kind: 'rank',
          claimId: target.claimId,
          rank: random() < 0.7 ? 'preferred' : 'deprecated',
          reason: 'editorial ranking',
        });
      } else {
        writes.push({ kind: 'retraction', claimId: target.claimId, reason: 'the report was withdrawn' });
      }
    }
  }
  return { campaign, places, sources, writes };
}
