/** The service without its shell: the store, the read models, and the use cases over them. */
export * from './timeline';
export * from './load-campaigns';
export * from './event-writer';
export * from './campaign-log';
