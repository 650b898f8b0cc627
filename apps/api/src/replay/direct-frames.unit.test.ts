import { SessionMessage } from '@timeline/application';
import type { Socket } from 'socket.io';
import { PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { directOutbox, textFrame } from './direct-frames';
import { SessionEncoder } from './session-encoder';

/** A websocket frame read by RFC 6455, 5.2: its first byte, mask bit, payload, and the length's own size (7, 16 or 64 bits). */
function readFrame(bytes: Buffer) {
  const short = bytes[1]! & 0x7f;
  const [lengthBits, offset, length] =
    short === 126 ? [16, 4, bytes.readUInt16BE(2)] : short === 127 ? [64, 10, Number(bytes.readBigUInt64BE(2))] : [7, 2, short];
  return { first: bytes[0], masked: (bytes[1]! & 0x80) !== 0, lengthBits, payload: bytes.subarray(offset).toString(), length };
}

/** The shortest length field for a payload of `n` bytes. */
const lengthBitsFor = (n: number) => (n < 126 ? 7 : n < 65_536 ? 16 : 64);

interface Written {
  packets: string[];
  frame: Buffer[];
}

function fakeSocket(transport: 'websocket' | 'polling') {
  const written: Written[] = [];
  const emitted: [string, unknown][] = [];
  const socket = {
    nsp: { name: '/replay' },
    client: {
      conn: { readyState: 'open', transport: { name: transport } },
      writeToEngine: (packets: string[], options: { wsPreEncodedFrame: Buffer[] }) =>
        written.push({ packets, frame: options.wsPreEncodedFrame }),
    },
    emit: (event: string, payload: unknown) => emitted.push([event, payload]),
  };
  return { socket: socket as unknown as Socket, written, emitted };
}

describe('textFrame: a websocket text frame made of a head and shared bytes', () => {
  it.each([10, 125, 126, 65_535, 65_536, 200_000])(
    'given a payload of %i bytes, then it is one final, unmasked text frame of head then rest',
    (size) => {
      const head = '42/replay,';
      // two-byte characters, so that characters and bytes differ
      const rest = 'ح'.repeat(Math.floor((size - head.length) / 2)) + 'x'.repeat((size - head.length) % 2);
      const frame = readFrame(Buffer.concat(textFrame(head, Buffer.from(rest))));
      expect(frame).toEqual({ first: 0x81, masked: false, lengthBits: lengthBitsFor(size), payload: head + rest, length: size });
    },
  );
});

describe('directOutbox: a socket’s own messages', () => {
  const frame = { at: '2024-12-05T10:00:00.000Z', claims: [{ summary: 'حماة' }] };

  it('given a shared body over a websocket, when sent, then the packet and its frame are those socket.emit writes', () => {
    const { socket, written, emitted } = fakeSocket('websocket');
    const message = new SessionMessage('s1', 4, frame, true);
    directOutbox(socket).send('replay:frame', message);
    const [expected] = new SessionEncoder().encode({ type: PacketType.EVENT, nsp: '/replay', data: ['replay:frame', message] });
    expect(emitted).toEqual([]);
    expect(written[0]!.packets).toEqual([expected]);
    expect(readFrame(Buffer.concat(written[0]!.frame)).payload).toBe(`4${expected as string}`);
  });

  it('given long-polling, a body of its own or a plain payload, when sent, then it goes through socket.emit', () => {
    const polling = fakeSocket('polling');
    directOutbox(polling.socket).send('replay:frame', new SessionMessage('s1', 1, frame, true));
    const websocket = fakeSocket('websocket');
    directOutbox(websocket.socket).send('replay:correction', new SessionMessage('s1', 2, { claimId: 'c' }, false));
    directOutbox(websocket.socket).send('replay:snapshot', { sessionId: 's1', seq: 3 });
    expect(polling.emitted.map(([e]) => e)).toEqual(['replay:frame']);
    expect(websocket.emitted.map(([e]) => e)).toEqual(['replay:correction', 'replay:snapshot']);
    expect([...polling.written, ...websocket.written]).toEqual([]);
  });
});
