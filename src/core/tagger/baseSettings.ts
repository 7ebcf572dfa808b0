/**
 * The base model's settings, frozen on ANERcorp's development slice: epochs, table size (log2
 * rows), learned-name and word-statistics folds, and the seed.
 */
export const BASE_SETTINGS = { epochs: 6, rowBits: 18, folds: 5, seed: 1 } as const;
