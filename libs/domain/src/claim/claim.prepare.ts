import { timeOutsideCampaign } from '../catalog/campaign.bounds';
import { contentHash } from '../common/canonical-json';
import { unknownName } from '../common/did-you-mean';
import type { FieldError } from '../common/domain-error';
import { parseWith } from '../common/zod-errors';
import { normalizeTime } from '../time/claim-time';
import type { ClaimChanges, ClaimData } from './claim.events';
import { unresolvedReferences, type CampaignReferences } from './claim.references';
import { ClaimInput, CORRECTABLE_FIELDS, type ClaimCorrectionInput } from './claim.schema';

type Prepared<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * A written claim made ready to record: validated, its references resolved, its time
 * normalised in the campaign's zone, and its id given or derived from its content.
 */
export function prepareClaim(input: unknown, refs: CampaignReferences, prefix = ''): Prepared<ClaimData> {
  const parsed = parseWith(ClaimInput, input, prefix);
  if (!parsed.ok) return parsed;
  const written = parsed.value;
  const timePath = prefix ? `${prefix}.time` : 'time';
  const time = normalizeTime(written.time, refs.timeZone, timePath);
  const errors = [
    ...(time.ok ? timeOutsideCampaign(time.time, refs.campaign, timePath) : time.errors),
    ...unresolvedReferences(written, refs, prefix),
  ];
  if (!time.ok || errors.length) return { ok: false, errors };

  const { claimId, time: writtenTime, ...fields } = written;
  const id = claimId ?? derivedClaimId(written);
  return {
    ok: true,
    value: { ...fields, claimId: id, campaignId: refs.campaignId, time: time.time, writtenTime },
  };
}

/** The id of a claim written without one: its type and a hash of its content. */
export function derivedClaimId(claim: ClaimInput): string {
  const { claimId: _ignored, ...content } = claim;
  return `${claim.type}-${contentHash(content).slice(0, 20)}`;
}

/** The claim as its author would write it now, to merge a correction into. */
export function writtenClaim(claim: ClaimData): ClaimInput {
  const { campaignId: _c, time: _t, writtenTime, ...fields } = claim;
  return { ...fields, time: writtenTime };
}

/**
 * A correction checked against the claim it changes: the merged claim must still be a valid
 * claim of the same type, and what it names must exist. `null` removes an optional field.
 */
export function prepareCorrection(
  current: ClaimData,
  input: ClaimCorrectionInput,
  refs: CampaignReferences,
): Prepared<ClaimChanges> {
  const allowed = new Set<string>(CORRECTABLE_FIELDS);
  const keyErrors = Object.keys(input.changes)
    .filter((key) => !allowed.has(key))
    .map((key) => ({
      path: `changes.${key}`,
      message: key === 'claimId' || key === 'type' ? 'cannot be corrected: record a new claim' : 'is not a claim field',
    }));
  if (keyErrors.length) return { ok: false, errors: keyErrors };

  const merged: Record<string, unknown> = { ...writtenClaim(current) };
  for (const [key, value] of Object.entries(input.changes)) {
    if (value === null && key !== 'controller') delete merged[key];
    else merged[key] = value;
  }
  const prepared = prepareClaim(merged, refs, 'changes');
  const sourceErrors = unknownSources(input.sources, refs);
  if (!prepared.ok || sourceErrors.length) {
    return { ok: false, errors: [...(prepared.ok ? [] : prepared.errors), ...sourceErrors] };
  }

  const next = prepared.value as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(input.changes)) {
    if (key === 'time') {
      changes.time = next.time;
      changes.writtenTime = next.writtenTime;
    } else {
      changes[key] = next[key] ?? null;
    }
  }
  return { ok: true, value: changes };
}

/** The sources a correction or retraction cites that the campaign does not know, with the ids meant. */
export function unknownSources(sources: readonly string[], refs: CampaignReferences): FieldError[] {
  return sources.flatMap((id, i) =>
    refs.hasSource(id) ? [] : [{ path: `sources.${i}`, message: unknownName('source', id, refs.knownIds('source')) }],
  );
}
