import {
  AMENDABLE_CAMPAIGN_FIELDS,
  CampaignRegistration,
  changedFields,
  DomainError,
  changesTowards,
  ClaimInput,
  PlaceRegistration,
  type RecordedEvent,
  SourceRegistration,
} from '@timeline/domain';
import type { CommandContext } from './event-writer';
import { parsed } from './request-body';
import type { Timeline } from './timeline';

/** The actor of everything the loader writes: what tells its writes from an editor's. */
export const LOADER_ACTOR = 'events-loader';
export const REVISED_DATA = 'the shipped campaign data was revised';

/**
 * Runs one item's writes; a failure is told to `failed` with what it was and why (a refusal's
 * fields named), so one bad item does not stop the others.
 */
export async function attemptItem(what: string, action: () => Promise<void>, failed: (problem: string) => void): Promise<void> {
  try {
    await action();
  } catch (error) {
    const detail =
      error instanceof DomainError
        ? `${error.message}${error.errors.length ? `: ${error.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : ''}`
        : String(error);
    failed(`${what}: ${detail}`);
  }
}

/** What loading did with one shipped item. */
export type LoadOutcome = 'created' | 'unchanged' | 'corrected' | 'kept';

type ShippedClaim = { claimId?: string; sources?: unknown };

/**
 * A stored item differing from its shipped version is brought to it only while the writer (the
 * loader, an import) alone has written its stream: once an editor has corrected, ranked or
 * retracted it, the editor's version is kept.
 */
export function writtenOnlyBy(events: readonly RecordedEvent[], actor: string): boolean {
  return events.every((event) => event.metadata.actor === actor);
}

/** The stored item given the changes that bring it to its shipped version. */
async function toShipped(
  events: readonly RecordedEvent[],
  changes: Record<string, unknown>,
  correct: (changes: Record<string, unknown>) => Promise<unknown>,
  actor = LOADER_ACTOR,
): Promise<LoadOutcome> {
  if (!Object.keys(changes).length) return 'unchanged';
  if (!writtenOnlyBy(events, actor)) return 'kept';
  await correct(changes);
  return 'corrected';
}

/**
 * Registers a shipped campaign, or amends the stored one to it (its window, claim window, area,
 * admin areas). Other differences have no amendment: registering reports them as a conflict.
 */
export async function loadCampaign(
  timeline: Timeline,
  shipped: { campaignId: string },
  context: CommandContext,
): Promise<LoadOutcome> {
  const { campaign, events } = await timeline.catalog.readCampaign(shipped.campaignId);
  if (!campaign) return (await timeline.catalog.registerCampaign(shipped, context)).outcome;
  const changes = changedFields(campaign, parsed(CampaignRegistration, shipped), ['campaignId']);
  const amendable: readonly string[] = AMENDABLE_CAMPAIGN_FIELDS;
  if (!Object.keys(changes).every((field) => amendable.includes(field)))
    return (await timeline.catalog.registerCampaign(shipped, context)).outcome;
  return toShipped(events, changes, (amendment) =>
    timeline.catalog.amendCampaign(shipped.campaignId, { ...amendment, reason: REVISED_DATA }, context),
  );
}

/** Registers a shipped place, or corrects the stored one to it. */
export async function loadPlace(
  timeline: Timeline,
  campaignId: string,
  shipped: { placeId: string },
  context: CommandContext,
): Promise<LoadOutcome> {
  const { place, events } = await timeline.catalog.readPlace(campaignId, shipped.placeId);
  if (!place) return (await timeline.catalog.registerPlace(campaignId, shipped, context)).outcome;
  return toShipped(events, changedFields(place, parsed(PlaceRegistration, shipped), ['placeId', 'revision']), (changes) =>
    timeline.catalog.correctPlace(campaignId, shipped.placeId, { ...changes, reason: REVISED_DATA }, context),
  );
}

/** Registers a shipped source, or corrects the stored one to it. */
export async function loadSource(
  timeline: Timeline,
  campaignId: string,
  shipped: { sourceId: string },
  context: CommandContext,
): Promise<LoadOutcome> {
  const { source, events } = await timeline.catalog.readSource(campaignId, shipped.sourceId);
  if (!source) return (await timeline.catalog.registerSource(campaignId, shipped, context)).outcome;
  return toShipped(
    events,
    changedFields(source, parsed(SourceRegistration, shipped), ['sourceId', 'revision', 'published']),
    (changes) => timeline.catalog.correctSource(campaignId, shipped.sourceId, { ...changes, reason: REVISED_DATA }, context),
  );
}

type StoredClaim = Awaited<ReturnType<Timeline['claims']['read']>>;

/**
 * The claims of a chunk split by whether their id is stored: the new ones can be recorded
 * together, the stored ones are compared one by one (`reviseClaim`, with the stream read here).
 */
export async function splitStoredClaims<T extends ShippedClaim>(
  timeline: Timeline,
  campaignId: string,
  claims: readonly T[],
): Promise<{ fresh: T[]; stored: { shipped: T; claimId: string; stream: StoredClaim }[] }> {
  const fresh: T[] = [];
  const stored: { shipped: T; claimId: string; stream: StoredClaim }[] = [];
  for (const shipped of claims) {
    const claimId = shipped.claimId;
    const stream = claimId === undefined ? undefined : await timeline.claims.read(campaignId, claimId);
    if (claimId !== undefined && stream?.state.exists) stored.push({ shipped, claimId, stream });
    else fresh.push(shipped);
  }
  return { fresh, stored };
}

/** Records a shipped claim, or brings the stored one to it. */
export async function loadClaim(
  timeline: Timeline,
  campaignId: string,
  shipped: ShippedClaim,
  context: CommandContext,
): Promise<LoadOutcome> {
  const { stored } = await splitStoredClaims(timeline, campaignId, [shipped]);
  const [known] = stored;
  if (known) return reviseClaim(timeline, campaignId, known, context);
  return (await timeline.claims.record(campaignId, shipped, context)).outcome;
}

/**
 * A stored claim brought to its shipped version by a `ClaimCorrected` that cites the shipped
 * claim's sources, so its history keeps what the data said before.
 */
export async function reviseClaim(
  timeline: Timeline,
  campaignId: string,
  { shipped, claimId, stream }: { shipped: ShippedClaim; claimId: string; stream: StoredClaim },
  context: CommandContext,
  reason = REVISED_DATA,
): Promise<LoadOutcome> {
  const { state, events } = stream;
  if (!state.exists) return (await timeline.claims.record(campaignId, shipped, context)).outcome;
  const revised = parsed(ClaimInput, shipped);
  return toShipped(
    events,
    changesTowards(state.claim, revised),
    (changes) =>
      timeline.claims.correct(
        campaignId,
        claimId,
        { expectedRevision: state.revision, changes, sources: revised.sources, reason },
        context,
      ),
    context.actor,
  );
}
