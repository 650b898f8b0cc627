import { SessionMessage } from '@timeline/application';
import { Decoder, Encoder, type Packet, PacketType } from 'socket.io-parser';
import { messageHead, messageRest } from './session-json';

/**
 * socket.io's own encoder, writing the same packets, with a shorter way for a replay session's
 * messages: they are written around their body's JSON, serialised once when the plan shares it
 * (`session-json`). Private replays otherwise spent a fifth of the service's time in
 * `JSON.stringify` of the same frames, one socket at a time, and in socket.io's search of each
 * payload for binary parts, which replay bodies never have (bench/profiles/fan-out.txt).
 */
export class SessionEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const [event, message, ...more] = Array.isArray(packet.data) ? (packet.data as unknown[]) : [];
    if (packet.type !== PacketType.EVENT || typeof event !== 'string' || !(message instanceof SessionMessage) || more.length)
      return super.encode(packet);
    return [`${packetStart(packet.nsp, packet.id)}${messageHead(event, message)}${messageRest(message)}`];
  }
}

/** The parser socket.io is given: this encoder, and socket.io's own decoder. */
export const sessionParser = { Encoder: SessionEncoder, Decoder };

/** An event packet's type, namespace (unless the main one) and acknowledgement id, before its arguments. */
export function packetStart(nsp: string, id?: number): string {
  return `${PacketType.EVENT}${nsp && nsp !== '/' ? `${nsp},` : ''}${id ?? ''}`;
}
