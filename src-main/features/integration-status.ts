import type { Subscription } from '../../src-shared/domain/billing';
import type { SmartPlusClient } from '../smartplus/client';

/** The integration subscription of one SmartPlus account: its state, when the paid period ends, and the subscription itself when there is one. */
export interface IntegrationStatusRead {
  readonly state: Subscription['status'];
  readonly endsAt: string | null;
  readonly subscription: Subscription | null;
}

/**
 * "Is the integration subscription active?" (spec §7) — the one place that asks SmartPlus. Sites
 * (import readiness), site sync (before a run), billing (the Subscription screen) and the
 * overview all read it here; an account with no integration subscription reads as `none`.
 */
export async function readIntegrationStatus(client: Pick<SmartPlusClient, 'subscriptions'>): Promise<IntegrationStatusRead> {
  const subscription = (await client.subscriptions()).find((s) => s.service === 'integration') ?? null;
  return { state: subscription?.status ?? 'none', endsAt: subscription?.currentPeriodEnd ?? null, subscription };
}
