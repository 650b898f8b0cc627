import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './events';
import type { UntypedRecordedEvent } from './recorded-event';
import { upcast, upcastWith, UnreadableEvent, type UpcastTable } from './upcast';

const stored = (type: string, data: unknown, schemaVersion: unknown): UntypedRecordedEvent => ({
  stream: 'publisher-sohr',
  revision: 0,
  position: 7,
  eventId: 'e-7',
  type,
  data,
  metadata: {
    campaignId: null,
    eventId: 'e-7',
    recordedAt: '2024-12-10T09:00:00.000Z',
    actor: 'admin',
    correlationId: 'c-1',
    causationId: 'c-1',
    schemaVersion,
  },
});

/** v0 spelled the grade `grade`; v1 calls it `reliability`. */
const renameGrade: UpcastTable = {
  PublisherAssessed: {
    0: ({ type, data }) => {
      const { grade, ...rest } = data as { grade: string };
      return { type, data: { ...rest, reliability: grade } };
    },
  },
};

describe('upcast: a stored event read as the current schema', () => {
  it('given an event at the current schema, when upcast, then it is the stored event itself, typed', () => {
    const event = stored('PublisherAssessed', { publisher: 'sohr', reliability: 'B', reason: 'track record' }, SCHEMA_VERSION);

    const read = upcast(event);

    expect(read).toBe(event);
    expect(read.type === 'PublisherAssessed' && read.data.reliability).toBe('B');
  });

  it('given a v0 event and a table with a v0→v1 step, when upcast, then the step is applied and the event reads at v1', () => {
    const event = stored('PublisherAssessed', { publisher: 'sohr', grade: 'C', reason: 'track record' }, 0);

    const read = upcastWith(renameGrade, 1)(event);

    expect(read).toMatchObject({ position: 7, eventId: 'e-7', stream: 'publisher-sohr', type: 'PublisherAssessed' });
    expect(read.data).toEqual({ publisher: 'sohr', reason: 'track record', reliability: 'C' });
    expect(read.metadata.schemaVersion).toBe(1);
    expect(event.data).toEqual({ publisher: 'sohr', grade: 'C', reason: 'track record' });
  });

  it('given steps v0→v1 and v1→v2, when a v0 event is upcast to v2, then both apply in order; a type with no step passes as is', () => {
    const steps: UpcastTable = {
      ...renameGrade,
      PublisherAssessed: {
        ...renameGrade.PublisherAssessed,
        1: ({ type, data }) => ({
          type,
          data: { ...(data as object), reason: `${(data as { reliability: string }).reliability}: graded` },
        }),
      },
    };
    const read = upcastWith(steps, 2);

    expect(read(stored('PublisherAssessed', { publisher: 'sohr', grade: 'C', reason: 'x' }, 0)).data).toEqual({
      publisher: 'sohr',
      reliability: 'C',
      reason: 'C: graded',
    });
    expect(read(stored('PublisherRegistered', { publisher: 'sohr' }, 0)).data).toEqual({ publisher: 'sohr' });
  });

  it('given a step that renames a retired type, when upcast, then the event reads as the new type', () => {
    const retired: UpcastTable = { PublisherGraded: { 0: ({ data }) => ({ type: 'PublisherAssessed', data }) } };

    expect(upcastWith(retired, 1)(stored('PublisherGraded', {}, 0)).type).toBe('PublisherAssessed');
  });

  it('given an unknown type, a newer schema or no schema version, when upcast, then it is an UnreadableEvent naming the event', () => {
    const attempts = [
      stored('SomethingElse', {}, SCHEMA_VERSION),
      stored('PublisherGraded', {}, 0),
      stored('PublisherAssessed', {}, SCHEMA_VERSION + 1),
      stored('PublisherAssessed', {}, undefined),
    ];

    for (const event of attempts) {
      expect(() => upcast(event)).toThrow(UnreadableEvent);
      expect(() => upcast(event)).toThrow(/e-7 at position 7/);
    }
  });
});
