import { casualtyCandidates, incidentGroups, type CasualtyCandidate, type Group } from './casualties';
import type { CampaignLedger } from './campaign-ledger';
import { placeTimeline, type PlaceTimeline } from './control';
import { NOW, type KnownAt } from './known-at';
import { nested } from './multimaps';
import type { ViewChange } from './view-change';

export interface CasualtyFold {
  candidates: CasualtyCandidate[];
  groups: Group[];
}

/**
 * Answers for what is known now, cached per place and per casualty key, and whole answers per
 * campaign. A change drops only the entries it touches; an answer as known at an earlier
 * position is computed each time, as it never changes.
 */
export class NowAnswers {
  /** campaign → place → operation ('' for all) → timeline known now. */
  private readonly timelines = new Map<string, Map<string, Map<string, PlaceTimeline>>>();
  /** campaign → `side|category` → operation → candidates and incident groups known now. */
  private readonly casualtyFolds = new Map<string, Map<string, Map<string, CasualtyFold>>>();
  /** campaign → whole answers known now (a day's control view …), dropped on any change to it. */
  private readonly answers = new Map<string, Map<string, { answer: unknown; bytes: number }>>();
  /** campaign → bytes its kept answers weigh, as their `weight` said. */
  private readonly answerBytes = new Map<string, number>();

  constructor(
    /**
     * What one campaign's kept answers may weigh: past it the oldest are let go. A day's map of
     * 5,000 places is a megabyte of JSON, and every box, list of places and day is an answer of
     * its own, so a count alone would not bound the memory they hold.
     */
    private readonly budgetBytes = 128 * 2 ** 20,
    /** How many answers one campaign may keep, however light. */
    private readonly budgetAnswers = 10_000,
  ) {}

  timeline(ledger: CampaignLedger, place: string, knownAt: KnownAt, operation?: string): PlaceTimeline {
    // a view of the past, or as reported by an instant, is computed each time
    if (knownAt !== NOW || ledger.reportedBy !== null) return placeTimeline(ledger, place, knownAt, { operation });
    const byOperation = nested(nested(this.timelines, ledger.campaign.campaignId), place);
    let timeline = byOperation.get(operation ?? '');
    if (!timeline) byOperation.set(operation ?? '', (timeline = placeTimeline(ledger, place, NOW, { operation })));
    return timeline;
  }

  casualties(ledger: CampaignLedger, key: string, knownAt: KnownAt, operation?: string): CasualtyFold {
    const compute = () => {
      const candidates = casualtyCandidates(ledger, key, knownAt, { operation });
      return { candidates, groups: incidentGroups(candidates) };
    };
    if (knownAt !== NOW || ledger.reportedBy !== null) return compute();
    const byOperation = nested(nested(this.casualtyFolds, ledger.campaign.campaignId), key);
    let cached = byOperation.get(operation ?? '');
    if (!cached) byOperation.set(operation ?? '', (cached = compute()));
    return cached;
  }

  /**
   * The answer kept under `key`, or computed and kept. `weight` says what an answer holds in bytes
   * (answers not weighed count as one byte).
   */
  memo<T>(campaignId: string, key: string, knownAt: KnownAt, compute: () => T, weight?: (answer: T) => number): T {
    if (knownAt !== NOW) return compute();
    const answers = nested(this.answers, campaignId);
    const kept = answers.get(key);
    if (kept) return kept.answer as T;
    const answer = compute();
    const bytes = weight?.(answer) ?? 1;
    let total = (this.answerBytes.get(campaignId) ?? 0) + bytes;
    // let go of the oldest until the new one fits (a Map iterates in the order entries were kept)
    for (const [oldKey, old] of answers) {
      if (total <= this.budgetBytes && answers.size < this.budgetAnswers) break;
      answers.delete(oldKey);
      total -= old.bytes;
    }
    answers.set(key, { answer, bytes });
    this.answerBytes.set(campaignId, total);
    return answer;
  }

  /** How many answers the campaign keeps, and what they weigh. */
  kept(campaignId: string): { answers: number; bytes: number } {
    return { answers: this.answers.get(campaignId)?.size ?? 0, bytes: this.answerBytes.get(campaignId) ?? 0 };
  }

  /** Whether any place or casualty figure of the campaign is cached. */
  holds(campaignId: string): boolean {
    return this.timelines.has(campaignId) || this.casualtyFolds.has(campaignId);
  }

  dropAnswers(campaignId: string): void {
    this.answers.delete(campaignId);
    this.answerBytes.delete(campaignId);
  }

  drop(change: ViewChange): void {
    for (const place of change.places) this.timelines.get(change.campaignId)?.delete(place);
    for (const key of change.casualtyKeys) this.casualtyFolds.get(change.campaignId)?.delete(key);
  }

  dropCampaign(campaignId: string): void {
    this.dropAnswers(campaignId);
    this.timelines.delete(campaignId);
    this.casualtyFolds.delete(campaignId);
  }
}
