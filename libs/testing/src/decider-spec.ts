import { AssertionError, deepStrictEqual } from 'node:assert/strict';

/** A stream's logic as the domain writes it: two pure functions and a starting state. */
export interface Decider<Command, Event, State> {
  decide: (command: Command, state: State) => readonly Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** An error's class, as `instanceof` checks it (`DomainError`). */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

export interface DeciderThen<Event> {
  /** The command decides exactly these events, in this order (`[]`: nothing to append). */
  then: (expected: readonly Event[]) => void;
  /**
   * The command is refused with an error of this class, equal to `expected` on every field it
   * names (`{ kind: 'conflict' }`); the error is returned for anything more to check.
   */
  thenThrows: <E extends Error>(errorClass: ErrorClass<E>, expected?: Partial<E>) => E;
}

export interface DeciderSpecification<Command, Event> {
  given: (events: readonly Event[]) => { when: (command: Command) => DeciderThen<Event> };
}

/**
 * A decider spec reads *given events, when command, then events or an error*: the given events
 * are folded with `evolve` from `initialState()`, the command is decided against that state,
 * and any difference fails with an assertion error naming what was expected and what came.
 */
export function deciderSpec<Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpecification<Command, Event> {
  return {
    given: (events) => ({
      when: (command) => {
        const decide = (): readonly Event[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected) => {
            let actual: readonly Event[];
            try {
              actual = decide();
            } catch (error) {
              throw new AssertionError({
                message: `expected events, but the command was refused: ${described(error)}`,
                expected,
                actual: error,
              });
            }
            deepStrictEqual(actual, expected, 'the command decided other events than expected');
          },
          thenThrows: (errorClass, expected = {}) => {
            let actual: readonly Event[];
            try {
              actual = decide();
            } catch (error) {
              if (!(error instanceof errorClass)) {
                throw new AssertionError({
                  message: `expected a ${errorClass.name}, but got ${described(error)}`,
                  actual: error,
                });
              }
              for (const [field, value] of Object.entries(expected)) {
                deepStrictEqual(error[field as keyof typeof error], value, `the ${errorClass.name}'s ${field} differs`);
              }
              return error;
            }
            throw new AssertionError({ message: `expected a ${errorClass.name}, but the command decided events`, actual });
          },
        };
      },
    }),
  };
}

function described(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
