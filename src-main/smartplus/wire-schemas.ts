import { z } from 'zod';
import type { InstallerAccount, Order, OrderLine, PaymentMethod, Prices, Subscription } from '../../src-shared/domain/billing';
import { refKey, type ExternalRef } from '../../src-shared/domain/external-ref';
import type { DeviceLocation, SpAccessGroup, SpApartment, SpBuilding, SpCommunity, SpDevice, SpResident } from '../../src-shared/domain/smartplus';
import { DeviceTypeSchema } from '../../src-shared/domain/smartplus';
import type { UnreadableObject } from '../../src-shared/domain/unreadable';
import { caseless, instant, list, looseInt, nullable, readEach, type ReadList } from '../lib/wire-read';

/**
 * SmartPlus answers as they may come (shared/reference/smartplus-cloud-api.md, "Conventions"):
 * a field whose value is null or an empty list may be left out, unknown fields are ignored, enums
 * are read in any letter case and timestamps with or without an offset. Fields the contract
 * promises (ids, names, the master account, the limit) stay required: without them an object
 * cannot be acted on safely. Each schema reads into the domain type (src-shared/domain).
 * Outgoing bodies are typed in ./wire.ts and are not loosened.
 */

const ExternalRefWire: z.ZodType<ExternalRef> = z.object({
  system: caseless(['rentmanager']),
  customer: z.string().min(1),
  location: looseInt(),
  id: z.string().min(1),
});

/** `externalRef`: absent or null ≡ made by hand. */
const Ref = nullable(ExternalRefWire);

/** A community. */
export const CommunityWire: z.ZodType<SpCommunity> = z.object({
  id: z.string(),
  name: z.string(),
  address: nullable(z.string()),
  timeZone: z.string(),
  externalRef: Ref,
});

/** A building. */
export const BuildingWire: z.ZodType<SpBuilding> = z.object({ id: z.string(), name: z.string() });

/** An apartment (`floor` is not read; absent ≡ null). */
export const ApartmentWire: z.ZodType<SpApartment> = z.object({
  id: z.string(),
  buildingId: z.string(),
  name: z.string(),
  externalRef: Ref,
  masterAccountId: z.string(),
  activated: z.boolean().nullish().transform((v) => v ?? false),
  familyMemberLimit: looseInt(),
});

/** A resident: master or family member. */
export const ResidentWire: z.ZodType<SpResident> = z.object({
  id: z.string(),
  apartmentId: z.string(),
  role: caseless(['master', 'family']),
  firstName: nullable(z.string()).transform((v) => v ?? ''),
  lastName: nullable(z.string()).transform((v) => v ?? ''),
  email: nullable(z.string()),
  phone: nullable(z.string()),
  externalRef: Ref,
  pin: nullable(z.string()),
  rfCards: list(z.string()),
  accessGroupIds: list(z.string()),
  sameAccessAsMaster: z.boolean(),
});

/** An access group; `days` only for weekly ones. */
export const AccessGroupWire: z.ZodType<SpAccessGroup> = z
  .object({
    id: z.string(),
    name: z.string(),
    repeat: caseless(['never', 'daily', 'weekly']),
    start: z.string(),
    end: z.string(),
    days: z.array(looseInt()).nullish(),
    isDefault: z.boolean(),
  })
  .transform(({ days, ...group }) => (days ? { ...group, days } : group));

const LocationWire: z.ZodType<DeviceLocation> = z
  .object({ scope: caseless(['community', 'building', 'apartment']), id: z.string().nullish() })
  .transform(({ scope, id }) => (id ? { scope, id } : { scope }));

/** A device. */
export const DeviceWire: z.ZodType<SpDevice> = z.object({
  id: z.string(),
  name: z.string(),
  type: DeviceTypeSchema,
  mac: z.string(),
  location: LocationWire,
  online: z.boolean().nullish().transform((v) => v ?? false),
  lastSeenAt: nullable(instant()),
});

/** `GET /account`. */
export const AccountWire: z.ZodType<InstallerAccount> = z.object({ id: z.string(), name: z.string(), email: z.string(), region: z.string() });

/** `GET /billing/prices` (cents). */
export const PricesWire: z.ZodType<Prices> = z.object({
  currency: z.string(),
  integrationMonthly: looseInt().pipe(z.number().nonnegative()),
  apartmentMonthly: looseInt().pipe(z.number().nonnegative()),
  additionalAppMonthly: looseInt().pipe(z.number().nonnegative()),
});

/** The integration subscription. */
export const SubscriptionWire: z.ZodType<Subscription> = z.object({
  id: z.string(),
  service: caseless(['integration']),
  status: caseless(['active', 'expired', 'none']),
  renewal: caseless(['auto', 'manual']),
  months: looseInt(),
  currentPeriodEnd: nullable(instant()),
});

/** A saved payment method: brand, last 4, expiry. */
export const PaymentMethodWire: z.ZodType<PaymentMethod> = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string().regex(/^\d{4}$/),
  expMonth: looseInt(),
  expYear: looseInt(),
});

const OrderLineWire: z.ZodType<OrderLine> = z.object({
  service: caseless(['integration', 'apartment']),
  description: nullable(z.string()).transform((v) => v ?? ''),
  quantity: looseInt(),
  months: looseInt(),
  unitAmount: looseInt(),
  amount: looseInt(),
});

/** An order (the receipt). */
export const OrderWire: z.ZodType<Order> = z
  .object({
    id: z.string(),
    status: caseless(['succeeded', 'failed']),
    amount: looseInt(),
    currency: z.string(),
    createdAt: instant(),
    lines: list(OrderLineWire),
    subscription: SubscriptionWire.nullish(),
    failureReason: z.string().nullish(),
  })
  .transform(({ subscription, failureReason, ...order }) => ({
    ...order,
    ...(subscription ? { subscription } : {}),
    ...(failureReason ? { failureReason } : {}),
  }));

/** A list answer read item by item: what was read, and one {@link UnreadableObject} per item that was not. */
export function itemsWire<T>(item: z.ZodType<T>, noun: string, where: string): z.ZodType<ReadList<T>> {
  return z.array(z.unknown()).transform((raw) => withRefKeys(readEach(item, raw, noun, where), raw));
}

/** A page (`{ items, page, pageSize, total }`); `items` may be left out when empty. */
export function pageWire<T>(item: z.ZodType<T>, noun: string, where: string) {
  return z
    .object({ items: z.array(z.unknown()).nullish(), page: looseInt(), pageSize: looseInt(), total: looseInt() })
    .transform(({ items, ...page }) => ({ ...page, ...withRefKeys(readEach(item, items ?? [], noun, where), items ?? []) }));
}

/**
 * Keeps the externalRef of an unreadable object when that part could be read: a community that
 * cannot be read but names its property must stop that property's deletions, not be taken for
 * a community that does not exist.
 */
function withRefKeys<T>(read: ReadList<T>, raw: readonly unknown[]): ReadList<T> {
  if (read.unreadable.length === 0) return read;
  const byId = new Map<string, unknown>();
  for (const item of raw) if (item && typeof item === 'object' && 'id' in item) byId.set(String((item as { id: unknown }).id), item);
  const unreadable: UnreadableObject[] = read.unreadable.map((u) => {
    const ref = ExternalRefWire.safeParse(u.id === null ? undefined : (byId.get(u.id) as { externalRef?: unknown } | undefined)?.externalRef);
    return ref.success ? { ...u, refKey: refKey(ref.data) } : u;
  });
  return { items: read.items, unreadable };
}
