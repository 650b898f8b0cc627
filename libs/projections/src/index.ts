/** Read models folded from the whole log, and the follower that keeps them current. */
export * from './log-follower';
export * from './catalog/catalog.view';
