import { campaignPath, getJson } from './api';
import type { ClaimRecord } from './types';

/**
 * Claims as the service reads them back, asked once per campaign and id: when a claim was reported
 * and what its history says do not change from one hour of the replay to the next. A claim that
 * could not be read is asked again next time.
 */
export class ClaimRecords {
  private readonly claims = new Map<string, Promise<ClaimRecord | undefined>>();

  get(campaignId: string, claimId: string): Promise<ClaimRecord | undefined> {
    const key = `${campaignId}/${claimId}`;
    let claim = this.claims.get(key);
    if (!claim) {
      claim = getJson<ClaimRecord>(`${campaignPath(campaignId)}/claims/${encodeURIComponent(claimId)}`).catch(() => {
        this.claims.delete(key);
        return undefined;
      });
      this.claims.set(key, claim);
    }
    return claim;
  }

  /** The ranks given by the `ClaimRanked` events among `changes`, by log position. */
  async ranks(campaignId: string, changes: readonly { event: string; claimId: string | null; position: number }[]) {
    const ranked = changes.filter((c) => c.event === 'ClaimRanked' && c.claimId !== null);
    const records = await Promise.all(ranked.map((c) => this.get(campaignId, c.claimId as string)));
    const ranks = new Map<number, string>();
    for (const record of records)
      for (const version of record?.history ?? []) if (version.rank) ranks.set(version.position, version.rank);
    return ranks;
  }
}
