import { describe, expect, it } from 'vitest';
import { WrongExpectedState } from './event-store.port';
import { planAppend, type StoredStreams } from './plan-append';

/** A log of `[stream, eventId]` pairs in order, answering as a store would; it counts its reads of events. */
function storedLog(entries: [string, string][]): StoredStreams & { eventReads: number } {
  const events = entries.map(([stream, eventId], i) => ({
    stream,
    eventId,
    position: i + 1,
    revision: entries.slice(0, i).filter(([s]) => s === stream).length,
  }));
  const log = {
    eventReads: 0,
    lastRevision: (stream: string) => events.filter((e) => e.stream === stream).at(-1)?.revision ?? 'no_stream',
    eventsFrom: (stream: string, from: number, count: number) => {
      log.eventReads += 1;
      return events.filter((e) => e.stream === stream && e.revision >= from).slice(0, count);
    },
  };
  return log;
}

const ids = (...eventIds: string[]) => eventIds.map((eventId) => ({ eventId }));

describe('planAppend: expectations, numbering and retries', () => {
  it('given a log, when appending to a new stream and one at its revision, then events follow the head with their streams’ next revisions, and no event is read', () => {
    const log = storedLog([
      ['x', 'x0'],
      ['x', 'x1'],
    ]);
    const plan = planAppend(
      [
        { stream: 'y', expected: 'no_stream', events: ids('y0', 'y1') },
        { stream: 'x', expected: 1, events: ids('x2') },
      ],
      log,
      2,
    );
    expect(plan.kind === 'append' && plan.events.map((e) => [e.stream, e.revision, e.position, e.event.eventId])).toEqual([
      ['y', 0, 3, 'y0'],
      ['y', 1, 4, 'y1'],
      ['x', 2, 5, 'x2'],
    ]);
    expect(plan.results).toEqual([
      { stream: 'y', revision: 1, positions: [3, 4] },
      { stream: 'x', revision: 2, positions: [5] },
    ]);
    expect(log.eventReads).toBe(0);
  });

  it('given a batch already stored, when sent again with the same ids, then it answers the stored result', () => {
    const log = storedLog([
      ['a', 'a0'],
      ['b', 'b0'],
      ['b', 'b1'],
    ]);
    const plan = planAppend(
      [
        { stream: 'a', expected: 'no_stream', events: ids('a0') },
        { stream: 'b', expected: 'no_stream', events: ids('b0', 'b1') },
      ],
      log,
      3,
    );
    expect(plan).toEqual({
      kind: 'stored',
      results: [
        { stream: 'a', revision: 0, positions: [1], alreadyStored: true },
        { stream: 'b', revision: 1, positions: [2, 3], alreadyStored: true },
      ],
    });
  });

  it('given a stream that moved on past an append, when the append is sent again at its revision, then it answers where its events were stored', () => {
    const log = storedLog([
      ['a', 'a0'],
      ['a', 'a1'],
      ['a', 'a2'],
    ]);
    expect(planAppend([{ stream: 'a', expected: 0, events: ids('a1') }], log, 3)).toEqual({
      kind: 'stored',
      results: [{ stream: 'a', revision: 1, positions: [2], alreadyStored: true }],
    });
  });

  it('given a stored event, when other ids are sent at its revision, then it is a conflict naming the stream and its revision', () => {
    const log = storedLog([['a', 'a0']]);
    const attempt = () => planAppend([{ stream: 'a', expected: 'no_stream', events: ids('other') }], log, 1);
    expect(attempt).toThrow(WrongExpectedState);
    expect(attempt).toThrow('stream "a" expected no_stream but is at 0');
  });

  it('given a stored append, when it is sent again beside a new stream, then the whole batch is a conflict', () => {
    const log = storedLog([['a', 'a0']]);
    expect(() =>
      planAppend(
        [
          { stream: 'new', expected: 'no_stream', events: ids('n0') },
          { stream: 'a', expected: 'no_stream', events: ids('a0') },
        ],
        log,
        1,
      ),
    ).toThrow('stream "a" expected no_stream but is at 0');
  });

  it('given a stored event, when the same id is sent with `any`, then it is appended again: only an expected revision marks a retry', () => {
    const log = storedLog([['a', 'a0']]);
    const plan = planAppend([{ stream: 'a', expected: 'any', events: ids('a0') }], log, 1);
    expect(plan.results).toEqual([{ stream: 'a', revision: 1, positions: [2] }]);
  });

  it('when a stream appears twice in one append, then it is refused', () => {
    expect(() =>
      planAppend(
        [
          { stream: 'a', expected: 'any', events: ids('1') },
          { stream: 'a', expected: 'any', events: ids('2') },
        ],
        storedLog([]),
        0,
      ),
    ).toThrow('stream "a" appears twice in one append');
  });
});
