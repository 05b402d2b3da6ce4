/** The SmartPlus Cloud adapter: the only code that knows the contract's paths and shapes. */
export { createSmartPlusClient, assertOrderSucceeded, type SmartPlusClient, type SmartPlusClientOptions } from './client';
export { SmartPlusError, messageFor, type SpConflict } from './errors';
export { readCommunityState, findCommunitiesByRefs, readSmartPlusSnapshot, listAll, MAX_PAGE_SIZE } from './read-snapshot';
export type { TransportStats } from './transport';
export type * from './wire';
