import { AssertionError } from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from './decider-spec';

/** A door that opens once: the smallest decider with events, an idempotent command and a refusal. */
type DoorEvent = { type: 'DoorOpened'; data: { by: string } };
type DoorCommand = { type: 'OpenDoor'; by: string } | { type: 'LockDoor' };

class DoorError extends Error {
  constructor(readonly reason: 'open' | 'locked') {
    super(`the door is ${reason}`);
  }
}

const opened = (by: string): DoorEvent => ({ type: 'DoorOpened', data: { by } });

const { given } = deciderSpec({
  initialState: () => ({ open: false }),
  evolve: (_state: { open: boolean }, _event: DoorEvent) => ({ open: true }),
  decide: (command: DoorCommand, state: { open: boolean }): DoorEvent[] => {
    if (command.type === 'LockDoor') throw new DoorError(state.open ? 'open' : 'locked');
    return state.open ? [] : [opened(command.by)];
  },
});

describe('deciderSpec', () => {
  it('given no events, when a command decides the expected events, then it passes', () => {
    given([])
      .when({ type: 'OpenDoor', by: 'ana' })
      .then([opened('ana')]);
  });

  it('given events, when the command decides nothing and nothing is expected, then it passes', () => {
    given([opened('ana')])
      .when({ type: 'OpenDoor', by: 'ben' })
      .then([]);
  });

  it('given a spec expecting other events, when run, then it fails naming the difference', () => {
    expect(() =>
      given([])
        .when({ type: 'OpenDoor', by: 'ana' })
        .then([opened('ben')]),
    ).toThrow(AssertionError);
    expect(() => given([]).when({ type: 'OpenDoor', by: 'ana' }).then([])).toThrow(/other events than expected/);
    expect(() =>
      given([opened('ana')])
        .when({ type: 'OpenDoor', by: 'ana' })
        .then([opened('ana')]),
    ).toThrow(AssertionError);
  });

  it('given a spec expecting events, when the command is refused, then it fails naming the error', () => {
    expect(() => given([]).when({ type: 'LockDoor' }).then([])).toThrow(/refused: Error: the door is locked/);
  });

  it('given a refusal, when the error has the class and fields expected, then it passes and returns the error', () => {
    const error = given([opened('ana')])
      .when({ type: 'LockDoor' })
      .thenThrows(DoorError, { reason: 'open' });
    expect(error.message).toBe('the door is open');
  });

  it('given a refusal, when a field of the error differs, then it fails naming the field', () => {
    expect(() => given([]).when({ type: 'LockDoor' }).thenThrows(DoorError, { reason: 'open' })).toThrow(
      /the DoorError's reason differs/,
    );
    expect(() => given([]).when({ type: 'LockDoor' }).thenThrows(DoorError, { message: 'the door is open' })).toThrow(
      AssertionError,
    );
  });

  it('given a refusal, when the error is of another class, then it fails', () => {
    class OtherError extends Error {}
    expect(() => given([]).when({ type: 'LockDoor' }).thenThrows(OtherError)).toThrow(/expected a OtherError, but got Error/);
  });

  it('given a spec expecting an error, when the command decides events, then it fails', () => {
    expect(() => given([]).when({ type: 'OpenDoor', by: 'ana' }).thenThrows(DoorError)).toThrow(
      /expected a DoorError, but the command decided events/,
    );
  });
});
