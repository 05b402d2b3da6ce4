import { refKey, type ExternalRef } from '../../src-shared/domain/external-ref';
import type { CommunityState, SmartPlusSnapshot, SpCommunity } from '../../src-shared/domain/smartplus';
import type { UnreadableObject } from '../../src-shared/domain/unreadable';
import type { SmartPlusClient } from './client';
import type { CallOptions, Page } from './wire';

/** The largest page the contract allows; the reader always uses it to keep request counts low. */
export const MAX_PAGE_SIZE = 500;

/**
 * Loads every item of a paged list: page 1 first (it tells the total), then all remaining
 * pages in parallel (the client's rate limit paces them).
 */
export async function listAll<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  const pages = Math.ceil(first.total / MAX_PAGE_SIZE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2, MAX_PAGE_SIZE)));
  return [first, ...rest].flatMap((p) => p.items);
}

/**
 * Reads one community's whole state (community, buildings, apartments, residents, access
 * groups, devices) for the planner. The six lists start together; a community of up to 500
 * apartments, residents and devices costs six requests. Items that could not be read are left
 * out and listed in `unreadable` (the planner then holds the community's deletions back).
 */
export async function readCommunityState(client: SmartPlusClient, communityId: string, options: CallOptions = {}): Promise<CommunityState> {
  const unreadable: UnreadableObject[] = [];
  const o: CallOptions = { signal: options.signal, onUnreadable: (objects) => unreadable.push(...objects) };
  const [community, buildings, accessGroups, apartments, residents, devices] = await Promise.all([
    client.communities.get(communityId, o),
    client.buildings(communityId, o),
    client.accessGroups(communityId, o),
    listAll((page, pageSize) => client.apartments.list(communityId, { page, pageSize }, o)),
    listAll((page, pageSize) => client.residents.list(communityId, { page, pageSize }, o)),
    listAll((page, pageSize) => client.devices.list(communityId, { page, pageSize }, o)),
  ]);
  return { community, buildings, apartments, residents, accessGroups, devices, ...(unreadable.length > 0 ? { unreadable } : {}) };
}

/**
 * Finds the communities carrying these externalRefs, keyed by {@link refKey}; refs with no
 * community are absent from the map. One `?externalRef=` lookup per ref for a few refs;
 * for more, one paged walk over all communities is cheaper.
 */
export async function findCommunitiesByRefs(
  client: SmartPlusClient,
  refs: readonly ExternalRef[],
  options: CallOptions = {},
): Promise<Map<string, SpCommunity>> {
  const wanted = new Set(refs.map(refKey));
  const found = new Map<string, SpCommunity>();
  if (wanted.size === 0) return found;
  if (wanted.size <= 3) {
    // A lookup by ref that finds an unreadable community found that ref's community: say so.
    const lookup = (ref: ExternalRef) => ({ ...options, onUnreadable: (objects: readonly UnreadableObject[]) => options.onUnreadable?.(objects.map((u) => ({ ...u, refKey: refKey(ref) }))) });
    const hits = await Promise.all(refs.map((ref) => client.communities.findByExternalRef(ref, lookup(ref))));
    for (const hit of hits) if (hit?.externalRef) found.set(refKey(hit.externalRef), hit);
    return found;
  }
  const all = await listAll((page, pageSize) => client.communities.list({ page, pageSize }, options));
  for (const community of all) {
    if (community.externalRef && wanted.has(refKey(community.externalRef))) found.set(refKey(community.externalRef), community);
  }
  return found;
}

/**
 * The SmartPlus side of a sync: the state of every community linked to `refs` (communities
 * not yet created are simply absent), read at `now`.
 */
export async function readSmartPlusSnapshot(
  client: SmartPlusClient,
  refs: readonly ExternalRef[],
  options: CallOptions & { now?: () => Date } = {},
): Promise<SmartPlusSnapshot> {
  const readAt = (options.now ?? (() => new Date()))().toISOString();
  const unreadable: UnreadableObject[] = [];
  const found = await findCommunitiesByRefs(client, refs, { ...options, onUnreadable: (objects) => unreadable.push(...objects) });
  const communities = await Promise.all([...found.values()].map((c) => readCommunityState(client, c.id, options)));
  return { readAt, communities, ...(unreadable.length > 0 ? { unreadable } : {}) };
}
