import { refKey } from '../../../src-shared/domain/external-ref';
import type { SmartPlusSnapshot, SpApartment, SpBuilding } from '../../../src-shared/domain/smartplus';
import type { CommunityLayout } from '../ports';

/** What apply knows about a community: its ID, its "Building 1", its default access group. */
export interface KnownCommunity {
  readonly id: string;
  readonly buildingId: string | null;
  readonly defaultGroupId: string | null;
}

/** Thrown when an operation's target or parent does not exist (yet): its create failed or was deferred. */
export class MissingDependency extends Error {
  constructor(readonly target: string) {
    super(`${target} does not exist in SmartPlus (its creation did not succeed)`);
    this.name = 'MissingDependency';
  }
}

/**
 * Maps externalRef keys to SmartPlus IDs: from the snapshot the plan was made on, plus every
 * object created during the run. This is how an operation on an object created earlier in the
 * same run finds it (the plan names targets by refKey, not by SmartPlus ID).
 */
export class Resolver {
  private readonly communities = new Map<string, KnownCommunity>();
  private readonly apartments = new Map<string, { id: string; communityId: string }>();
  private readonly residents = new Map<string, { id: string; communityId: string }>();

  constructor(snapshot: SmartPlusSnapshot) {
    for (const state of snapshot.communities) {
      const ref = state.community.externalRef;
      if (!ref) continue;
      this.addCommunity(refKey(ref), state.community.id, state, state.apartments);
      for (const a of state.apartments) if (a.externalRef) this.apartments.set(refKey(a.externalRef), { id: a.id, communityId: state.community.id });
      for (const r of state.residents) if (r.externalRef && r.role === 'family') this.residents.set(refKey(r.externalRef), { id: r.id, communityId: state.community.id });
    }
  }

  /**
   * Records a community and picks the building new apartments go in — "Building 1"; in an adopted
   * community without one, the building that holds its linked apartments, or its only building
   * (issue 16) — and its default group.
   */
  addCommunity(key: string, id: string, layout: CommunityLayout, apartments: readonly SpApartment[] = []): void {
    const building = layout.buildings.find((b) => b.name === 'Building 1') ?? holdingBuilding(layout, apartments) ?? (layout.buildings.length === 1 ? layout.buildings[0]! : null);
    const group = layout.accessGroups.find((g) => g.isDefault) ?? layout.accessGroups.find((g) => g.name === '24 Hours') ?? null;
    this.communities.set(key, { id, buildingId: building?.id ?? null, defaultGroupId: group?.id ?? null });
  }

  /** Records an apartment created (or found) during the run. */
  addApartment(key: string, id: string, communityId: string): void {
    this.apartments.set(key, { id, communityId });
  }

  /** Records a family member created (or found) during the run. */
  addResident(key: string, id: string, communityId: string): void {
    this.residents.set(key, { id, communityId });
  }

  /** Forgets a deleted family member. */
  removeResident(key: string): void {
    this.residents.delete(key);
  }

  community(key: string): KnownCommunity {
    const c = this.communities.get(key);
    if (!c) throw new MissingDependency(key);
    return c;
  }

  apartment(key: string): { id: string; communityId: string } {
    const a = this.apartments.get(key);
    if (!a) throw new MissingDependency(key);
    return a;
  }

  resident(key: string): { id: string; communityId: string } {
    const r = this.residents.get(key);
    if (!r) throw new MissingDependency(key);
    return r;
  }
}

/** The building holding most of the community's linked apartments, if any is linked. */
function holdingBuilding(layout: CommunityLayout, apartments: readonly SpApartment[]): SpBuilding | null {
  const counts = new Map<string, number>();
  for (const a of apartments) if (a.externalRef) counts.set(a.buildingId, (counts.get(a.buildingId) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top ? (layout.buildings.find((b) => b.id === top[0]) ?? null) : null;
}
