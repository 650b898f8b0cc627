import type { SessionMessage } from '@timeline/application';

/**
 * A session message's arguments as `JSON.stringify` writes `[event, {sessionId, seq, ...body}]`,
 * in two parts: the head, up to and with `seq`, different for every message; and the rest, the
 * body's members and the closing `}]`. When the plan shares the body (a frame, a snapshot), its
 * rest is the same for every session: it is serialised once, and kept, as text and as UTF-8, for
 * as long as the plan keeps the body.
 */
export function messageHead(event: string, message: SessionMessage): string {
  return `[${JSON.stringify(event)},{"sessionId":${JSON.stringify(message.sessionId)},"seq":${message.seq}`;
}

interface SharedRest {
  text: string;
  bytes?: Buffer;
}

const sharedRests = new WeakMap<object, SharedRest>();

/** The message's rest as text. */
export function messageRest(message: SessionMessage): string {
  return message.shared ? sharedRest(message.body).text : bodyRest(message.body);
}

/** The rest of a message whose body the plan shares, in UTF-8, encoded once. */
export function sharedRestBytes(message: SessionMessage): Buffer {
  const rest = sharedRest(message.body);
  return (rest.bytes ??= Buffer.from(rest.text));
}

function sharedRest(body: object): SharedRest {
  let rest = sharedRests.get(body);
  if (!rest) sharedRests.set(body, (rest = { text: bodyRest(body) }));
  return rest;
}

/** `,"key":value…}]` after the message's own members, or `}]` for an empty body. */
function bodyRest(body: object): string {
  const json = JSON.stringify(body);
  return json === '{}' ? '}]' : `,${json.slice(1)}]`;
}
