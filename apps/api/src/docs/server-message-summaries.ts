import type { SERVER_EVENTS } from '@timeline/contracts';

const CLOSING = 'The instance is stopping: reconnect (socket.io does so by itself) and resume';

/** What each message the server sends is, by namespace and event: a message added without one fails to compile. */
export const SERVER_MESSAGE_SUMMARIES: {
  [N in keyof typeof SERVER_EVENTS]: Record<keyof (typeof SERVER_EVENTS)[N], string>;
} = {
  '/replay': {
    'replay:snapshot': 'The state at an hour: at the start, and after a seek, a step back, a join or a resume from a snapshot',
    'replay:frame': 'One campaign hour: the claims taking effect in it, the changes opening, and the state at its end',
    'replay:correction': 'A claim changed after the replay began, in an hour already sent: what it changes there and how',
    'replay:live': 'After the last hour: a claim of the campaign as it is recorded',
    'replay:end': 'The replay has sent its last hour',
    'replay:ended': 'A shared room’s replay will send nothing more: its starter stopped it, or its instance was lost',
    'server:closing': CLOSING,
  },
  '/live': {
    'claim:recorded': 'An event recorded in a subscribed campaign; a claim’s says what it did to the claim',
    'server:closing': CLOSING,
  },
};
