import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Socket } from 'socket.io';

type Ack = (response: unknown) => void;

/**
 * A gateway's message handlers on one socket, one plain listener each. Nest's own binding builds
 * an rxjs pipeline per handler per socket, which held about 37 KiB a connection on `/replay`
 * (bench/profiles/fan-out.txt); a listener holds one closure. What a handler answers goes back as
 * with Nest: `{event, data}` as that event, anything else as the acknowledgement (unless the
 * handler acknowledges itself), and nothing once the socket has disconnected.
 */
export function bindMessages(
  socket: Socket,
  handlers: MessageMappingProperties[],
  transform: (result: unknown) => Observable<unknown>,
): void {
  for (const { message, callback, isAckHandledManually } of handlers) {
    socket.on(String(message), (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
      // one argument is the message itself; several come as they were sent
      const data = args.length > 1 ? args : args[0];
      transform(callback(data, ack)).subscribe((response) => {
        if (response === undefined || response === null || !socket.connected) return;
        if (isEventReply(response)) socket.emit(response.event, response.data);
        else if (!isAckHandledManually) ack?.(response);
      });
    });
  }
}

function isEventReply(response: unknown): response is { event: string; data: unknown } {
  return typeof response === 'object' && response !== null && 'event' in response && Boolean(response.event);
}
