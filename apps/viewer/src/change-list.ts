import { byId } from './dom';
import { changeCard, type ChangeNames } from './change-card';
import type { CampaignClock } from './time';
import type { ClaimChange } from './types';

const KEPT = 6;

/**
 * The changes to the record since the page opened, newest first, above the claims of the hour:
 * they stay while hours go by, and a change told both by the replay and by the live feed shows once.
 */
export class ChangeList {
  private readonly list = byId<HTMLOListElement>('record-changes');

  constructor(private readonly names: () => ChangeNames) {}

  show(change: ClaimChange, clock: CampaignClock): void {
    if (this.list.querySelector(`[data-change="${change.position}"]`)) return;
    this.list.prepend(changeCard(change, clock, this.names()));
    while (this.list.children.length > KEPT) this.list.lastElementChild?.remove();
  }

  clear(): void {
    this.list.replaceChildren();
  }
}
