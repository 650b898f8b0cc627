import { streamAppend, type CommandContext } from '@timeline/application';
import {
  campaignStream,
  placeStream,
  publisherStream,
  sourceStream,
  decideClaim,
  type ClaimCommand,
  claimStream,
  evolveClaim,
  initialClaimState,
  type ClaimState,
  type CampaignReferences,
  prepareClaim,
  prepareCorrection,
  type TimelineEvent,
} from '@timeline/domain';
import type { StreamAppend } from '@timeline/store';
import type { SyntheticCampaign } from './synthetic-campaign';

/**
 * The generated history as the appends the service would make for it — through the domain's own
 * prepare and decide, so every event is one the API could have stored — without HTTP, so a
 * million claims take seconds. Writes that the domain refuses (a correction of a retracted
 * claim) are skipped, as the API would refuse them.
 */
export function* syntheticAppends(
  synthetic: SyntheticCampaign,
  startMs = Date.parse('2024-12-20T00:00:00Z'),
): Generator<StreamAppend> {
  const { campaign } = synthetic;
  const c = campaign.campaignId;
  let clock = startMs;
  const context = (): CommandContext => ({ actor: 'generator', correlationId: `gen-${clock}`, now: new Date((clock += 1000)) });
  const one = (stream: string, event: TimelineEvent, campaignId: string | null = c) =>
    streamAppend(stream, 'any', [event], campaignId, context());

  yield one(campaignStream(c), { type: 'CampaignRegistered', data: campaign });
  for (const place of synthetic.places)
    yield one(placeStream(c, place.placeId), { type: 'PlaceRegistered', data: { ...place, campaignId: c } });
  for (const source of synthetic.sources)
    yield one(sourceStream(c, source.sourceId), { type: 'SourceRegistered', data: { ...source, campaignId: c } });

  const claimIds = new Set<string>();
  const refs: CampaignReferences = {
    campaignId: c,
    timeZone: campaign.timeZone,
    campaign,
    knownIds: () => [],
    hasPlace: () => true,
    placeKind: () => 'town',
    hasSource: () => true,
    hasFaction: (id) => campaign.factions.some((f) => f.id === id),
    hasOperation: (id) => campaign.operations.some((o) => o.id === id),
    hasClaim: (id) => claimIds.has(id),
    isPublisher: () => true,
  };
  const states = new Map<string, ClaimState>();
  for (const write of synthetic.writes) {
    let command: ClaimCommand | undefined;
    if (write.kind === 'assessment') {
      yield one(
        publisherStream(write.publisher),
        {
          type: 'PublisherAssessed',
          data: { publisher: write.publisher, reliability: write.reliability, reason: write.reason },
        },
        null,
      );
      continue;
    }
    const claimId = write.kind === 'claim' ? String(write.body.claimId) : write.claimId;
    const state = states.get(claimId) ?? initialClaimState();
    if (write.kind === 'claim') {
      const prepared = prepareClaim(write.body, refs);
      if (!prepared.ok) throw new Error(`generated claim ${claimId} is invalid: ${JSON.stringify(prepared.errors)}`);
      command = { type: 'RecordClaim', claim: prepared.value };
    } else if (!state.exists || state.retracted) {
      continue;
    } else if (write.kind === 'correction') {
      const changes = prepareCorrection(
        state.claim,
        { expectedRevision: state.revision, changes: write.changes, sources: write.sources, reason: write.reason },
        refs,
      );
      if (!changes.ok) continue;
      command = {
        type: 'CorrectClaim',
        claimId,
        expectedRevision: state.revision,
        changes: changes.value,
        sources: write.sources,
        reason: write.reason,
      };
    } else if (write.kind === 'retraction') {
      command = { type: 'RetractClaim', claimId, expectedRevision: state.revision, reason: write.reason, sources: [] };
    } else {
      command = { type: 'RankClaim', claimId, rank: write.rank, reason: write.reason };
    }
    const events = decideClaim(command, state);
    states.set(claimId, events.reduce(evolveClaim, state));
    claimIds.add(claimId);
    yield streamAppend(claimStream(c, claimId), state.exists ? state.revision : 'no_stream', events, c, context());
  }
}
