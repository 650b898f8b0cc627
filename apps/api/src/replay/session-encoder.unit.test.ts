import { SessionMessage } from '@timeline/application';
import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { SessionEncoder } from './session-encoder';

const frame = { at: '2024-12-05T10:00:00.000Z', claims: [{ claimId: 'hama-hts', summary: 'حماة – taken' }], control: [] };
const socketIo = new Encoder();
/** The packet as socket.io's encoder would see it: each message in the form `JSON.stringify` gives it. */
const plain = (packet: Packet): Packet =>
  Array.isArray(packet.data)
    ? { ...packet, data: packet.data.map((a: unknown) => (a instanceof SessionMessage ? a.toJSON() : a)) }
    : packet;

describe('SessionEncoder: the packets socket.io writes, session messages written around their body', () => {
  it.each([
    ['a shared frame with non-ASCII text', new SessionMessage('s1', 7, frame, true), '/replay', undefined],
    [
      'a body of its own',
      new SessionMessage('s1', 8, { claimId: 'x', control: [{ place: 'homs' }] }, false),
      '/replay',
      undefined,
    ],
    ['an empty body', new SessionMessage('s"2', 9, {}, false), '/replay', undefined],
    ['the main namespace and an acknowledgement id', new SessionMessage('s1', 1, frame, true), '/', 12],
  ])('given %s, when encoded, then the packet is the one socket.io writes for the whole message', (_, message, nsp, id) => {
    const packet: Packet = { type: PacketType.EVENT, nsp, id, data: ['replay:frame', message] };
    expect(new SessionEncoder().encode(packet)).toEqual(socketIo.encode(plain(packet)));
  });

  it('given the same shared body twice, when encoded for two sessions, then each packet has its own head', () => {
    const encoder = new SessionEncoder();
    const [a] = encoder.encode({
      type: PacketType.EVENT,
      nsp: '/replay',
      data: ['replay:frame', new SessionMessage('a', 1, frame, true)],
    });
    const [b] = encoder.encode({
      type: PacketType.EVENT,
      nsp: '/replay',
      data: ['replay:frame', new SessionMessage('b', 5, frame, true)],
    });
    expect(JSON.parse((a as string).slice('2/replay,'.length))).toEqual(['replay:frame', { sessionId: 'a', seq: 1, ...frame }]);
    expect(JSON.parse((b as string).slice('2/replay,'.length))).toEqual(['replay:frame', { sessionId: 'b', seq: 5, ...frame }]);
  });

  it('given any other packet, when encoded, then it is left to socket.io', () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/replay', data: ['server:closing', { reason: 'shutdown' }] },
      { type: PacketType.ACK, nsp: '/replay', id: 3, data: [{ ok: true }] },
      { type: PacketType.EVENT, nsp: '/replay', data: ['x', new SessionMessage('s', 1, frame, true), 'more'] },
      { type: PacketType.CONNECT, nsp: '/replay', data: { sid: 'abc' } },
    ];
    for (const packet of packets) expect(new SessionEncoder().encode(packet)).toEqual(socketIo.encode(plain(packet)));
  });
});
