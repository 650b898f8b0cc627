/** The follower that folds the whole log, read as the domain's typed events, into the read models. */
export * from './log-follower';
