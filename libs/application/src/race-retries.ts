import { DomainError } from '@timeline/domain';
import { WrongExpectedState } from '@timeline/store';

const RACE_RETRIES = 3;

/**
 * A race lost to another writer between read and append. Recording a claim retries (the next
 * read sees the winner: same content is then an idempotent answer). Commands that carry an
 * expected revision do not (`conflictIsFinal`): their next read would see a revision the client
 * never saw.
 */
export async function withRaceRetries<T>(attempt: () => Promise<T>, conflictIsFinal = false): Promise<T> {
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
