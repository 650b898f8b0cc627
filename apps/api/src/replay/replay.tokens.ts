/** Where shared rooms stand: in memory, or in Redis across instances. */
export const ROOM_REGISTRY = Symbol('RoomRegistry');
/** Starting, joining and driving replays, by the rules of who controls what. */
export const REPLAY_CONTROL = Symbol('ReplayControl');
/** Every event recorded in a campaign, as it is recorded. */
export const LIVE_FEED = Symbol('LiveFeed');
/** Sockets and replays served by this instance (`ReplayActivity`), for the health report. */
export const REPLAY_ACTIVITY = Symbol('ReplayActivity');
