/** What the API, the CLI and the viewer agree on: the socket messages of replays and live claims. */
export * from './replay.messages';
