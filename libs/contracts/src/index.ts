/** What the API, the CLI and the viewer agree on: the socket messages of replays and live claims, and their answers. */
export * from './replay.messages';
export * from './socket.answers';
