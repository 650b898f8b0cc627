import {
  decideClaim,
  type ClaimCommand,
  type ClaimData,
  type ClaimEvent,
  isClaimEvent,
  type CampaignReferences,
  claimStream,
  foldClaim,
  type ClaimState,
  prepareClaim,
  prepareCorrection,
  ClaimCorrectionInput,
  ClaimRankInput,
  ClaimRetractionInput,
  DomainError,
  type FieldError,
  type RecordedEvent,
  unknownSources,
  upcast,
} from '@timeline/domain';
import type { EventStore, StreamAppend } from '@timeline/store';
import { batchClaimIds, dedupeWithinBatch, isBatch, parseBatch } from './claim-batch';
import { streamAppend, type CommandContext } from './event-writer';
import { withRaceRetries } from './race-retries';
import type { TimelineReadModels } from './read-models';
import { recordedClaim, type ClaimsRecorded, type RecordedClaim } from './recorded-claim';
import { parsed } from './request-body';

type ExistingClaim = Extract<ClaimState, { exists: true }>;

/**
 * The claim use cases: each reads the claim's stream, folds it, decides and appends with the
 * revision it read, so two editors racing on one claim cannot both win.
 */
export class ClaimCommands {
  constructor(
    private readonly store: EventStore,
    private readonly models: TimelineReadModels,
  ) {}

  /** One claim or `{claims: [...]}`, all-or-nothing. */
  async record(campaignId: string, body: unknown, context: CommandContext): Promise<ClaimsRecorded & { batch: boolean }> {
    const batch = isBatch(body);
    const inputs = batch ? parseBatch(body) : [body];
    return { ...(await withRaceRetries(() => this.recordOnce(campaignId, inputs, batch, context))), batch };
  }

  async correct(campaignId: string, claimId: string, body: unknown, context: CommandContext): Promise<RecordedClaim> {
    const input = parsed(ClaimCorrectionInput, body);
    return this.onClaim(campaignId, claimId, context, (state, refs) => {
      const changes = prepareCorrection(state.claim, input, refs);
      if (!changes.ok) throw DomainError.invalid('the correction is not valid', changes.errors);
      return {
        type: 'CorrectClaim',
        claimId,
        expectedRevision: input.expectedRevision,
        changes: changes.value,
        sources: input.sources,
        reason: input.reason,
      };
    });
  }

  async retract(campaignId: string, claimId: string, body: unknown, context: CommandContext): Promise<RecordedClaim> {
    const input = parsed(ClaimRetractionInput, body);
    return this.onClaim(campaignId, claimId, context, (_state, refs) => {
      const unknown = unknownSources(input.sources ?? [], refs);
      if (unknown.length) throw DomainError.invalid('the retraction names unknown sources', unknown);
      return {
        type: 'RetractClaim',
        claimId,
        expectedRevision: input.expectedRevision,
        reason: input.reason,
        sources: input.sources ?? [],
      };
    });
  }

  async rank(campaignId: string, claimId: string, body: unknown, context: CommandContext): Promise<RecordedClaim> {
    const input = parsed(ClaimRankInput, body);
    return this.onClaim(campaignId, claimId, context, () => ({
      type: 'RankClaim',
      claimId,
      rank: input.rank,
      reason: input.reason,
    }));
  }

  /** The claim's stream folded, with each event as recorded. */
  async read(campaignId: string, claimId: string): Promise<{ state: ClaimState; events: RecordedEvent<ClaimEvent>[] }> {
    // a claim's stream holds only its claim's events
    const events = (await this.store.readStream(claimStream(campaignId, claimId))).map(upcast).filter(isClaimEvent);
    return { state: foldClaim(events), events };
  }

  private async recordOnce(
    campaignId: string,
    inputs: unknown[],
    batch: boolean,
    context: CommandContext,
  ): Promise<ClaimsRecorded> {
    await this.models.follower.catchUp();
    const refs = this.models.references(campaignId, batchClaimIds(inputs));

    const errors: FieldError[] = [];
    const claims: ClaimData[] = [];
    inputs.forEach((input, i) => {
      const prepared = prepareClaim(input, refs, batch ? `claims.${i}` : '');
      if (prepared.ok) claims.push(prepared.value);
      else errors.push(...prepared.errors);
    });
    if (errors.length)
      throw DomainError.invalid(
        batch ? 'some claims of the batch are not valid; none was stored' : 'the claim is not valid',
        errors,
      );

    const unique = dedupeWithinBatch(claims);
    const appends: StreamAppend[] = [];
    const answers: (RecordedClaim | undefined)[] = [];
    for (const claim of unique) {
      const { state, events } = await this.read(campaignId, claim.claimId);
      const decided = decideClaim({ type: 'RecordClaim', claim }, state);
      const stored = events.at(0);
      // nothing decided: the claim is already its stream's first event, with this content
      if (stored && decided.length === 0) {
        answers.push({ claimId: claim.claimId, revision: 0, position: stored.position });
      } else {
        answers.push(undefined);
        appends.push(streamAppend(claimStream(campaignId, claim.claimId), 'no_stream', decided, campaignId, context));
      }
    }
    if (!appends.length) return { outcome: 'unchanged', claims: answers as RecordedClaim[] };

    const results = await this.store.append(appends);
    let next = 0;
    const recorded = unique.map((claim, i) => answers[i] ?? recordedClaim(claim.claimId, results[next++]));
    // the same claims appended at the same moment by another instance (two starts loading events/)
    return { outcome: results.every((result) => result.alreadyStored) ? 'unchanged' : 'created', claims: recorded };
  }

  private async onClaim(
    campaignId: string,
    claimId: string,
    context: CommandContext,
    command: (state: ExistingClaim, refs: CampaignReferences) => ClaimCommand,
  ): Promise<RecordedClaim> {
    return withRaceRetries(async () => {
      await this.models.follower.catchUp();
      const refs = this.models.references(campaignId);
      const { state } = await this.read(campaignId, claimId);
      if (!state.exists) throw DomainError.notFound(`claim "${claimId}" does not exist in campaign "${campaignId}"`);
      const events = decideClaim(command(state, refs), state);
      const [result] = await this.store.append([
        streamAppend(claimStream(campaignId, claimId), state.revision, events, campaignId, context),
      ]);
      return recordedClaim(claimId, result);
    }, /* a stale expectedRevision must stay a conflict, not be retried into success */ true);
  }
}
