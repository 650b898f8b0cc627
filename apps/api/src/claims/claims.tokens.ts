/** Recording, correcting, retracting and ranking claims. */
export const CLAIM_COMMANDS = Symbol('ClaimCommands');
/** A campaign's claims, and one claim with its history. */
export const CLAIM_QUERIES = Symbol('ClaimQueries');
