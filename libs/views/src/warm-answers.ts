import type { CampaignLedger } from './campaign-ledger';
import { controlledPlaces } from './coverage';
import { NOW } from './known-at';
import type { NowAnswers } from './now-answers';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Builds the "now" caches of every place and casualty figure ahead of the first query, a slice
 * at a time so requests are served in between: at a million claims the first day's view would
 * otherwise take seconds.
 */
export async function warmAnswers(ledgers: readonly CampaignLedger[], answers: NowAnswers, yieldEvery: number): Promise<void> {
  let n = 0;
  for (const ledger of ledgers) {
    for (const place of controlledPlaces(ledger, NOW)) {
      answers.timeline(ledger, place, NOW);
      if (++n % yieldEvery === 0) await nextTurn();
    }
    for (const key of [...ledger.casualtiesByKey.keys()]) {
      answers.casualties(ledger, key, NOW);
      await nextTurn();
    }
  }
}
