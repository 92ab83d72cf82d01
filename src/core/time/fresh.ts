/** How long an article counts as fresh and shows a relative time ("2 години тому"): on its own, so the islands runtime can ask without loading the date code. */
export const FRESH_FOR_MS = 10 * 60 * 60 * 1000;
