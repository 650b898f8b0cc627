import { z } from 'zod';
import { CLIENT_ACKS, CLIENT_EVENTS, SERVER_EVENTS } from '@timeline/contracts';

/** What a client sends is read as input (defaults may be left out); what the server sends is output. */
const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _s, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** socket.io on the HTTP port: the websocket transport, or HTTP long-polling that upgrades to it. */
const SERVERS = Object.fromEntries(
  (['ws', 'http'] as const).map((protocol) => [
    protocol,
    {
      host: '{host}:{port}',
      protocol,
      pathname: '/socket.io',
      description: `socket.io (Engine.IO 4) over ${protocol === 'ws' ? 'a websocket' : 'HTTP long-polling, upgraded to a websocket'} on the service’s HOST and PORT, handshake path /socket.io; the namespaces /replay and /live are the channels`,
      variables: {
        host: { default: '127.0.0.1', description: 'HOST' },
        port: { default: '3000', description: 'PORT' },
      },
    },
  ]),
);

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
    const acks = CLIENT_ACKS[namespace] as Record<string, z.ZodType>;
    for (const [event, s] of Object.entries(CLIENT_EVENTS[namespace])) {
      const id = messageId(event);
      messages[id] = {
        name: event,
        payload: schema(s as z.ZodType),
        description: `sent by the client with an acknowledgement callback, answered by ${id}Ack`,
      };
      messages[`${id}Ack`] = {
        name: `${event} (acknowledgement)`,
        payload: schema(acks[event] as z.ZodType, 'output'),
        description: `the acknowledgement of ${event}: {ok: true, …} or {ok: false, error: {status, title, detail?, errors?}}`,
      };
      operations[`${channel}.${id}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${id}` }],
        reply: {
          channel: { $ref: `#/channels/${channel}` },
          messages: [{ $ref: `#/channels/${channel}/messages/${id}Ack` }],
        },
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
    channels[channel] = {
      address: namespace,
      servers: Object.keys(SERVERS).map((name) => ({ $ref: `#/servers/${name}` })),
      description: `the socket.io namespace ${namespace}`,
      messages,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Campaign timeline replays',
      version: '0.1.0',
      description:
        'socket.io namespaces: /replay streams hour-by-hour replays (private or in shared rooms, resumable by seq); /live streams every event recorded in a campaign. Every client message is acknowledged; each operation’s reply is its acknowledgement. Served at /docs/asyncapi.json; the HTTP API is at /docs.',
    },
    defaultContentType: 'application/json',
    servers: SERVERS,
    channels,
    operations,
  };
}

/** `replay:start` → `replayStart`. */
export function messageId(event: string): string {
  return event.replace(/[:.](\w)/g, (_, c: string) => c.toUpperCase());
}
