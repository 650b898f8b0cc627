/** The event store port, its adapters (embedded SQLite, in-memory, PostgreSQL, KurrentDB) and the store chosen by URL. */
export * from './event-store.port';
export * from './open-store';
export { MemoryEventStore } from './memory/memory.store';
export { SqliteEventStore } from './sqlite/sqlite.store';
