import { z } from 'zod';
import { CLIENT_ACKS, CLIENT_EVENTS, SERVER_EVENTS } from '@timeline/contracts';
import type { ServedAddress } from './served-address';
import { SERVER_MESSAGE_SUMMARIES } from './server-message-summaries';
import { CLIENT_MESSAGE_DOCS, type ClientMessageDoc } from './socket-examples';

/** What a client sends is read as input (defaults may be left out); what the server sends is output. */
const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _s, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const PROTOCOLS = ['ws', 'http'] as const;

/**
 * socket.io on the HTTP port: the websocket transport, or HTTP long-polling that upgrades to it.
 * The variables default to the address the document was asked for at, which is the service's.
 */
export function socketServers({ host, port }: ServedAddress) {
  return Object.fromEntries(
    PROTOCOLS.map((protocol) => [
      protocol,
      {
        host: '{host}:{port}',
        protocol,
        pathname: '/socket.io',
        description: `socket.io (Engine.IO 4) over ${protocol === 'ws' ? 'a websocket' : 'HTTP long-polling, upgraded to a websocket'} on the service’s HOST and PORT, handshake path /socket.io; the namespaces /replay and /live are the channels`,
        variables: {
          host: { default: host, description: 'HOST: by default, the host this document was asked for at' },
          port: { default: port, description: 'PORT: by default, the port this document was asked for at' },
        },
      },
    ]),
  );
}

/** The channels and operations, the same for every request: built once. */
let protocol: ReturnType<typeof socketProtocol> | undefined;

/**
 * The socket protocol as an AsyncAPI 3 document, built from the schemas that validate what
 * clients send and that the tests check every server message against, its servers at `address`.
 */
export function asyncApiDocument(address: ServedAddress) {
  protocol ??= socketProtocol();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Campaign timeline replays',
      version: '0.1.0',
      description:
        'socket.io namespaces: /replay streams hour-by-hour replays (private or in shared rooms, resumable by seq); /live streams every event recorded in a campaign. Every client message is acknowledged; each operation’s reply is its acknowledgement. Served at /docs/asyncapi.json; the HTTP API is at /docs.',
    },
    defaultContentType: 'application/json',
    servers: socketServers(address),
    ...protocol,
  };
}

function socketProtocol() {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const namespace of ['/replay', '/live'] as const) {
    const channel = namespace.slice(1);
    const messages: Record<string, unknown> = {};
    const acks = CLIENT_ACKS[namespace] as Record<string, z.ZodType>;
    const docs = CLIENT_MESSAGE_DOCS[namespace] as Record<string, ClientMessageDoc>;
    for (const [event, s] of Object.entries(CLIENT_EVENTS[namespace])) {
      const id = messageId(event);
      const doc = docs[event];
      messages[id] = {
        name: event,
        summary: doc?.summary,
        payload: schema(s as z.ZodType),
        description: `sent by the client with an acknowledgement callback, answered by ${id}Ack`,
        examples: doc?.examples,
      };
      messages[`${id}Ack`] = {
        name: `${event} (acknowledgement)`,
        payload: schema(acks[event] as z.ZodType, 'output'),
        description: `the acknowledgement of ${event}: {ok: true, …} or {ok: false, error: {status, title, detail?, errors?}}`,
        examples: doc?.acks,
      };
      operations[`${channel}.${id}`] = {
        action: 'receive',
        summary: doc?.summary,
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${id}` }],
        reply: {
          channel: { $ref: `#/channels/${channel}` },
          messages: [{ $ref: `#/channels/${channel}/messages/${id}Ack` }],
        },
      };
    }
    const summaries = SERVER_MESSAGE_SUMMARIES[namespace] as Record<string, string>;
    for (const [event, s] of Object.entries(SERVER_EVENTS[namespace])) {
      const id = messageId(event);
      const { description } = s as z.ZodType;
      const summary = summaries[event];
      messages[id] = { name: event, summary, payload: schema(s as z.ZodType), ...(description ? { description } : {}) };
      operations[`${channel}.${id}`] = {
        action: 'send',
        summary,
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${id}` }],
      };
    }
    channels[channel] = {
      address: namespace,
      servers: PROTOCOLS.map((name) => ({ $ref: `#/servers/${name}` })),
      description: `the socket.io namespace ${namespace}`,
      messages,
    };
  }
  return { channels, operations };
}

/** `replay:start` → `replayStart`. */
export function messageId(event: string): string {
  return event.replace(/[:.](\w)/g, (_, c: string) => c.toUpperCase());
}
