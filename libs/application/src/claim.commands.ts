import type { z } from 'zod';
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
  ClaimBatchInput,
  ClaimCorrectionInput,
  ClaimRankInput,
  ClaimRetractionInput,
  DomainError,
  type FieldError,
  parseWith,
  type RecordedEvent,
  upcast,
} from '@timeline/domain';
import { WrongExpectedState, type AppendResult, type EventStore, type StreamAppend } from '@timeline/store';
import { streamAppend, type CommandContext } from './event-writer';
import type { TimelineReadModels } from './read-models';

export interface RecordedClaim {
  claimId: string;
  revision: number;
  position: number;
}

/** The outcome of an append: `created` when something was stored, `unchanged` for a retry. */
export interface ClaimsRecorded {
  outcome: 'created' | 'unchanged';
  claims: RecordedClaim[];
}

const RACE_RETRIES = 3;

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
    return { ...(await this.withRetries(() => this.recordOnce(campaignId, inputs, batch, context))), batch };
  }

  async correct(campaignId: string, claimId: string, body: unknown, context: CommandContext): Promise<RecordedClaim> {
    const input = parsed(ClaimCorrectionInput, body);
    return this.onClaim(campaignId, claimId, context, (state, refs) => {
      if (!state.exists) throw DomainError.notFound(`claim "${claimId}" does not exist in campaign "${campaignId}"`);
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
      const unknown = (input.sources ?? []).flatMap((id, i) =>
        refs.hasSource(id) ? [] : [{ path: `sources.${i}`, message: `unknown source "${id}"` }],
      );
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
    const batchIds = new Set(
      inputs.map((input) => (input as { claimId?: unknown })?.claimId).filter((id): id is string => typeof id === 'string'),
    );
    const refs = this.models.references(campaignId, batchIds);

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
    return { outcome: 'created', claims: recorded };
  }

  private async onClaim(
    campaignId: string,
    claimId: string,
    context: CommandContext,
    command: (state: ClaimState, refs: CampaignReferences) => ClaimCommand,
  ): Promise<RecordedClaim> {
    return this.withRetries(async () => {
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

  /**
   * A race lost to another writer between read and append. Recording a claim retries (the next
   * read sees the winner: same content is then an idempotent answer). Commands that carry an
   * expected revision do not: their next read would see a revision the client never saw.
   */
  private async withRetries<T>(attempt: () => Promise<T>, conflictIsFinal = false): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof WrongExpectedState)) throw error;
        if (conflictIsFinal || i >= RACE_RETRIES) {
          throw DomainError.conflict(`claim stream "${error.stream}" changed while the command ran`, [
            { path: 'expectedRevision', message: `is stale: the claim is at revision ${String(error.actual)}` },
          ]);
        }
      }
    }
  }
}

function isBatch(body: unknown): body is { claims: unknown[] } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'claims' in body && !('type' in body);
}

function parseBatch(body: unknown): unknown[] {
  return parsed(ClaimBatchInput, body).claims;
}

export function parsed<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = parseWith(schema, body);
  if (!result.ok) throw DomainError.invalid('the request body is not valid', result.errors);
  return result.value;
}

/** The same claim twice in one batch is stored once; one id with two contents is an error. */
function dedupeWithinBatch(claims: ClaimData[]): ClaimData[] {
  const byId = new Map<string, ClaimData>();
  const errors: FieldError[] = [];
  claims.forEach((claim, i) => {
    const seen = byId.get(claim.claimId);
    if (!seen) byId.set(claim.claimId, claim);
    else if (JSON.stringify(seen) !== JSON.stringify(claim)) {
      errors.push({
        path: `claims.${i}.claimId`,
        message: `"${claim.claimId}" appears twice in the batch with different content`,
      });
    }
  });
  if (errors.length) throw DomainError.invalid('the batch repeats a claim id', errors);
  return [...byId.values()];
}

/** What one append stored for a claim: the stream's revision and the position of its last event. */
function recordedClaim(claimId: string, result: AppendResult | undefined): RecordedClaim {
  const position = result?.positions.at(-1);
  // the store answers one result per append, with one position per event appended
  if (!result || position === undefined) throw new Error(`the store gave no position for claim "${claimId}"`);
  return { claimId, revision: result.revision, position };
}
