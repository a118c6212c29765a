/** The most cases one batch request may hold; the rate limit's burst must hold a full batch. */
export const MAX_BATCH = 1000;
