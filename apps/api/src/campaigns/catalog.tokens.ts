/** Registering and correcting campaigns, places, sources and publishers. */
export const CATALOG_COMMANDS = Symbol('CatalogCommands');
/** Campaigns, their gazetteer and sources, and publishers. */
export const CATALOG_QUERIES = Symbol('CatalogQueries');
