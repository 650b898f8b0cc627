import { type Outbox, SessionMessage } from '@timeline/application';
import type { Socket } from 'socket.io';
import { packetStart } from './session-encoder';
import { messageHead, messageRest, sharedRestBytes } from './session-json';

/**
 * What socket.io's client holds of its Engine.IO connection: enough to hand it a packet whose
 * websocket frame is already made, as socket.io's own room broadcast does (`writeToEngine` with
 * `wsPreEncodedFrame`, engine.io/build/transports/websocket.js).
 */
interface EngineClient {
  conn: { readyState: string; transport: { name: string } };
  writeToEngine(packets: string[], options: { preEncoded: true; wsPreEncodedFrame: Buffer[] }): void;
}

/** Engine.IO's type of a message packet, written before the socket.io packet. */
const ENGINE_MESSAGE = '4';

/**
 * A socket's own replay messages. One whose body the plan shares goes out over a websocket as a
 * frame of two buffers: a small head (frame header, packet type, event, `sessionId` and `seq`)
 * and the body's bytes, encoded once for every session of the plan — the bytes on the wire are
 * those `socket.emit` would write. Anything else, or a client still on long-polling, goes through
 * `socket.emit`.
 */
export function directOutbox(socket: Socket): Outbox {
  return {
    send: (event, payload) => {
      const client = socket.client as unknown as EngineClient;
      if (!(payload instanceof SessionMessage) || !payload.shared || client.conn.transport.name !== 'websocket')
        return void socket.emit(event, payload);
      if (client.conn.readyState !== 'open') return;
      const start = `${packetStart(socket.nsp.name)}${messageHead(event, payload)}`;
      // the packet as text, for a transport that does not take the frame: a rope of two strings, copied only if read
      const packet = `${start}${messageRest(payload)}`;
      const rest = sharedRestBytes(payload);
      client.writeToEngine([packet], { preEncoded: true, wsPreEncodedFrame: textFrame(`${ENGINE_MESSAGE}${start}`, rest) });
    },
  };
}

/** An unmasked, final websocket text frame (RFC 6455, 5.2) of `head` then `rest`: its header and head in one buffer, then `rest`. */
export function textFrame(head: string, rest: Buffer): [Buffer, Buffer] {
  const headBytes = Buffer.byteLength(head);
  const length = headBytes + rest.length;
  const lengthBytes = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const first = Buffer.allocUnsafe(2 + lengthBytes + headBytes);
  first[0] = 0x81; // FIN, opcode 1 (text)
  if (lengthBytes === 0) first[1] = length;
  else if (lengthBytes === 2) {
    first[1] = 126;
    first.writeUInt16BE(length, 2);
  } else {
    first[1] = 127;
    first.writeBigUInt64BE(BigInt(length), 2);
  }
  first.write(head, 2 + lengthBytes);
  return [first, rest];
}
