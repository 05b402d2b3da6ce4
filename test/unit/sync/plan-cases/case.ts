import type { SiteConfig } from '../../../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../../../src-shared/domain/rentmanager';
import type { SmartPlusSnapshot } from '../../../../src-shared/domain/smartplus';
import type { SyncOperation, SyncPlan } from '../../../../src-shared/domain/sync-plan';
import type { PlanOptions } from '../../../../src-main/sync/plan';
import { short } from '../fixtures/world';

/** One row of the plan table: inputs, and what the plan must contain. */
export interface PlanCase {
  /** "§3 move-out yesterday → deleted" — the spec section first. */
  name: string;
  rm: RentManagerSnapshot;
  /** Default: community of property 1 with apartments 101–103 and no family members. */
  sp?: SmartPlusSnapshot;
  config?: Partial<SiteConfig>;
  /** Default 2026-06-01. */
  today?: string;
  /** An instant instead of `today`: the test computes today in the site's zone, as the engine does. */
  at?: string;
  options?: PlanOptions;
  /** The exact operations, as {@link opLine} prints them, in plan order. */
  ops?: string[];
  /** The exact problems, as {@link problemLine} prints them, sorted. */
  problems?: string[];
  heldBack?: number;
  check?: (plan: SyncPlan) => void;
}

/** `create-family-member unit:101/contact:11`, with the value for credential sets. */
export function opLine(op: SyncOperation): string {
  const head = `${op.kind} ${short(op.target)}`;
  switch (op.kind) {
    case 'set-pin':
      return `${head} =${op.pin}`;
    case 'set-rf-cards':
      return `${head} =${op.cards.join(',')}`;
    case 'remove-rf-cards':
      return op.keep.length ? `${head} keep=${op.keep.join(',')}` : head;
    default:
      return head;
  }
}

/** `duplicate-pin t2` / `unit-removed u104` / `property-read-failed p1`: kind and the narrowest ID. */
export function problemLine(p: SyncPlan['problems'][number]): string {
  const where = p.contactId !== null ? `c${p.contactId}` : p.tenantId !== null ? `t${p.tenantId}` : p.unitId !== null ? `u${p.unitId}` : p.propertyId !== null ? `p${p.propertyId}` : '-';
  return `${p.kind} ${where}`;
}
