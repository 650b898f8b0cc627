import type { Namespace } from 'socket.io';
import type { RoomAudience } from '@timeline/application';

/**
 * A shared room as a socket.io room. Through the Redis adapter `to(room)` reaches its viewers on
 * every instance; `local` keeps a message to this instance's, for news that each instance gives
 * its own viewers (a lost driver), so no viewer hears it twice.
 */
export function roomAudience(nsp: Namespace, room: string): RoomAudience {
  const name = roomName(room);
  return {
    send: (event, payload) => void nsp.to(name).emit(event, payload),
    get viewersHere() {
      return nsp.adapter.rooms.get(name)?.size ?? 0;
    },
    dismiss: (ended, where) => {
      const viewers = where === 'here' ? nsp.local.to(name) : nsp.to(name);
      viewers.emit('replay:ended', ended);
      viewers.socketsLeave(name);
    },
  };
}

/** The socket.io room of a shared room. */
export function roomName(room: string): string {
  return `room:${room}`;
}
