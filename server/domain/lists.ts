/**
 * How deep a list may be paged, read by the server's list query and the console's pagination:
 * reading further means skipping that many index entries for every page, while a filter or the
 * opposite sort order reaches the same rows directly.
 */
export const LIST_DEPTH_LIMIT = 10_000;
