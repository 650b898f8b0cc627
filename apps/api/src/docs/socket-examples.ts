import type { CLIENT_EVENTS } from '@timeline/contracts';

/** A message as an AsyncAPI example: a name, what it shows, and the message itself. */
export interface MessageExample {
  name: string;
  summary: string;
  payload: unknown;
}

/** What a client message does, examples of it, and of its acknowledgement (accepted and refused). */
export interface ClientMessageDoc {
  summary: string;
  examples: MessageExample[];
  acks: MessageExample[];
}

const SESSION = 'Vt3kQm9xR2bL0aZc';
const WINDOW = { from: '2024-12-04T21:00:00.000Z', to: '2024-12-08T21:00:00.000Z', frames: 96, pinnedPosition: 1843 };

const accepted = (payload: object = {}): MessageExample => ({
  name: 'accepted',
  summary: 'done',
  payload: { ok: true, ...payload },
});

/** A refusal carries the problem an HTTP answer would: its status, title, detail and the fields at fault. */
const refused = (status: number, detail: string, errors?: { path: string; message: string }[]): MessageExample => {
  const title = ({ 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content' } as const)[
    status as 403 | 404 | 409 | 422
  ];
  return {
    name: 'refused',
    summary: `refused: ${detail}`,
    payload: { ok: false, error: { status, title, detail, ...(errors ? { errors } : {}) } },
  };
};

const notYours = refused(403, 'only the client that started this replay controls it');
const invalid = (path: string, message: string) => refused(422, 'the message is not valid', [{ path, message }]);

/** A command on a running replay: only its sessionId, answered by `{ok: true}` or why not. */
const command = (summary: string): ClientMessageDoc => ({
  summary,
  examples: [{ name: 'command', summary, payload: { sessionId: SESSION } }],
  acks: [accepted(), notYours],
});

/** Every client message, by namespace and event: the type makes a message added without one fail to compile. */
export const CLIENT_MESSAGE_DOCS: {
  [N in keyof typeof CLIENT_EVENTS]: Record<keyof (typeof CLIENT_EVENTS)[N], ClientMessageDoc>;
} = {
  '/replay': {
    'replay:start': {
      summary: 'Start a replay of a campaign, hour by hour; or resume one after a dropped connection',
      examples: [
        {
          name: 'private',
          summary: 'four days at 6 campaign hours a second',
          payload: { campaignId: 'syria-2024', from: '2024-12-05', to: '2024-12-08', speed: 6 },
        },
        {
          name: 'sharedRoom',
          summary: 'a shared room opening paused on the morning of 7 December, as reported at the time',
          payload: {
            campaignId: 'syria-2024',
            from: '2024-12-07T06:00:00+03:00',
            to: '2024-12-09',
            room: 'briefing',
            paused: true,
            asReported: true,
          },
        },
        {
          name: 'pastRecord',
          summary: 'the Homs operation as the record stood at log position 900, two places only',
          payload: { campaignId: 'syria-2024', operation: 'homs', places: ['homs', 'al-rastan'], knownAt: 900 },
        },
        {
          name: 'resume',
          summary: 'resuming after a dropped connection: the same start, with the session and the last seq received',
          payload: {
            campaignId: 'syria-2024',
            from: '2024-12-05',
            to: '2024-12-08',
            speed: 6,
            resume: { sessionId: SESSION, seq: 41, at: '2024-12-06T11:00:00.000Z' },
          },
        },
      ],
      acks: [
        accepted({ sessionId: SESSION, ...WINDOW, asReported: false }),
        {
          name: 'resumed',
          summary: 'resumed on the same instance: the missed messages follow',
          payload: { ok: true, sessionId: SESSION, ...WINDOW, asReported: false, resumed: 'messages' },
        },
        refused(409, 'room "briefing" already has a replay: join it', [{ path: 'room', message: 'is taken' }]),
      ],
    },
    'replay:pause': command('Pause a replay you started; it stays on the hour reached'),
    'replay:resume': command('Play a paused replay you started'),
    'replay:stop': command('Stop a replay you started; the viewers of its room get replay:ended'),
    'replay:seek': {
      summary: 'Move a replay you started to an hour of its window; a snapshot of that hour follows',
      examples: [
        { name: 'day', summary: 'the start of 7 December, local time', payload: { sessionId: SESSION, at: '2024-12-07' } },
        {
          name: 'instant',
          summary: 'an instant with its offset',
          payload: { sessionId: SESSION, at: '2024-12-07T18:00:00+03:00' },
        },
      ],
      acks: [
        accepted({ seq: 57 }),
        refused(422, 'seek outside the replay window', [
          { path: 'at', message: 'must be within 2024-12-04T21:00:00.000Z and 2024-12-08T21:00:00.000Z' },
        ]),
      ],
    },
    'replay:speed': {
      summary: 'Change the speed of a replay you started',
      examples: [{ name: 'faster', summary: '24 campaign hours a second', payload: { sessionId: SESSION, speed: 24 } }],
      acks: [accepted(), invalid('speed', 'must be at most 1000 campaign hours per second')],
    },
    'replay:step': {
      summary: 'Step a replay you started by whole hours, forward or back (for a paused one)',
      examples: [
        { name: 'forward', summary: 'the next hour’s frame at once', payload: { sessionId: SESSION, hours: 1 } },
        {
          name: 'back',
          summary: 'six hours back: a snapshot, then that hour’s frame',
          payload: { sessionId: SESSION, hours: -6 },
        },
      ],
      acks: [accepted({ seq: 58 }), invalid('hours', 'must not be 0')],
    },
    'replay:join': {
      summary: 'Watch the replay of a shared room: a snapshot, then the same frames as its starter',
      examples: [{ name: 'room', summary: 'the room "briefing"', payload: { room: 'briefing' } }],
      acks: [
        accepted({ sessionId: SESSION, ...WINDOW, asReported: true, seq: 12 }),
        refused(404, 'room "briefing" has no replay'),
      ],
    },
  },
  '/live': {
    subscribe: {
      summary: 'Get every event recorded in a campaign, as claim:recorded, from now on',
      examples: [{ name: 'campaign', summary: 'the 2024 Syrian campaign', payload: { campaignId: 'syria-2024' } }],
      acks: [accepted({ campaignId: 'syria-2024', position: 1843 }), refused(404, 'campaign "nowhere" does not exist')],
    },
    unsubscribe: {
      summary: 'Stop getting the events of a campaign',
      examples: [{ name: 'campaign', summary: 'the 2024 Syrian campaign', payload: { campaignId: 'syria-2024' } }],
      acks: [accepted({ campaignId: 'syria-2024' }), invalid('campaignId', 'Invalid input: expected string, received undefined')],
    },
  },
};
