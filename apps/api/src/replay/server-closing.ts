/**
 * What a stopping instance tells each socket before its connection closes (`server:closing`).
 * The connection then drops without a socket.io disconnect packet, so clients reconnect by
 * themselves — within a second or two, socket.io's first reconnection delays — to another
 * instance or to this one restarted.
 */
export const SERVER_CLOSING = { reason: 'shutdown', retryAfter: 2 } as const;
