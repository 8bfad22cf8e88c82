/** The name similarity (0–1) at which two indicators count as the same, unless a user sets one. */
export const DEFAULT_THRESHOLD = 0.6;
