import type { RecordedMessage } from '@timeline/contracts';
import { isClaimEvent, type RecordedEvent } from '@timeline/domain';
import { claimChange, type FrameClaimChange } from '@timeline/replay';
import type { ServingViews } from './serving-views';

/**
 * Every event recorded in a campaign, as the read models fold it (whichever instance wrote it);
 * a claim's event comes with what it did to the claim, as a replay's correction tells it.
 */
export class LiveFeed {
  constructor(private readonly serving: ServingViews) {}

  /**
   * Joins the feed of a campaign that exists; answers the position read once joined, so every
   * event after it reaches the subscriber.
   */
  async subscribe(campaignId: string, join: () => Promise<void>): Promise<{ campaignId: string; position: number }> {
    await this.serving.forCampaign(campaignId);
    await join();
    return { campaignId, position: this.serving.checkpoint };
  }

  /**
   * Calls `listener` with each event of the campaigns `followed` answers true for: a campaign
   * nobody follows costs no message (working out a claim's change is most of the work).
   */
  onRecorded(listener: (message: RecordedMessage) => void, followed: (campaignId: string) => boolean = () => true): () => void {
    return this.serving.onFolded((events) => {
      for (const event of events) {
        const { campaignId } = event.metadata;
        // publishers' events belong to no campaign
        if (campaignId === null || !followed(campaignId)) continue;
        const { type, stream, revision, data, metadata } = event;
        const change = this.change(campaignId, event);
        listener({
          campaignId,
          position: event.position,
          event: { type, stream, revision, data, metadata },
          ...(change ? { change } : {}),
        });
      }
    });
  }

  private change(campaignId: string, event: RecordedEvent): FrameClaimChange | undefined {
    if (!isClaimEvent(event)) return undefined;
    const ledger = this.serving.current.ledger(campaignId);
    return ledger && claimChange(ledger, event);
  }
}
