import type { Count } from './types';

/** "114+" when the count is open-ended ("at least 114"), "12" when it is not. */
export const countInWords = (count: Count): string => `${count.best}${count.openEnded ? '+' : ''}`;
