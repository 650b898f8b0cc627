import { z } from 'zod';
import { CLIENT_EVENTS, SERVER_EVENTS } from '@timeline/contracts';

const schema = (s: z.ZodType) => {
  const { $schema: _s, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/**
 * The socket protocol as an AsyncAPI 3 document, built from the schemas that validate what
 * clients send and that the tests check every server message against.
 */
export function asyncApiDocument() {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const namespace of ['/replay', '/live'] as const) {
    const channel = namespace.slice(1);
    const messages: Record<string, unknown> = {};
    for (const [event, s] of Object.entries(CLIENT_EVENTS[namespace])) {
      const id = messageId(event);
      messages[id] = {
        name: event,
        payload: schema(s as z.ZodType),
        description:
          'sent by the client with an acknowledgement callback: answered {ok: true, …} or {ok: false, error: {status, title, errors?}}',
      };
      operations[`${channel}.${id}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${id}` }],
      };
    }
    for (const [event, s] of Object.entries(SERVER_EVENTS[namespace])) {
      const id = messageId(event);
      const { description } = s as z.ZodType;
      messages[id] = { name: event, payload: schema(s as z.ZodType), ...(description ? { description } : {}) };
      operations[`${channel}.${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${id}` }],
      };
    }
    channels[channel] = { address: namespace, messages };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Campaign timeline replays',
      version: '0.1.0',
      description:
        'socket.io namespaces: /replay streams hour-by-hour replays (private or in shared rooms, resumable by seq); /live streams every event recorded in a campaign.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
  };
}

/** `replay:start` → `replayStart`. */
export function messageId(event: string): string {
  return event.replace(/[:.](\w)/g, (_, c: string) => c.toUpperCase());
}
