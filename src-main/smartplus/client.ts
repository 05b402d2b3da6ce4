import type { z } from 'zod';
import type { CardInput, InstallerAccount, Order, OrderRequest, PaymentMethod, Prices, Subscription } from '../../src-shared/domain/billing';
import { refKey, type ExternalRef } from '../../src-shared/domain/external-ref';
import type { SpAccessGroup, SpApartment, SpBuilding, SpCommunity, SpDevice, SpResident } from '../../src-shared/domain/smartplus';
import type { ReadList } from '../lib/wire-read';
import { silentLogger, type Logger } from '../logging/logger';
import { SmartPlusError } from './errors';
import type { PipeStats } from './pipe';
import { SmartPlusTransport, type TransportOptions, type TransportStats } from './transport';
import type {
  ApartmentQuery,
  CallOptions,
  CommunityQuery,
  CreateApartmentInput,
  CreateCommunityInput,
  CreateDeviceInput,
  CreateFamilyMemberInput,
  CreateOptions,
  Page,
  PageQuery,
  ResidentQuery,
  UpdateApartmentInput,
  UpdateCommunityInput,
  UpdateDeviceInput,
  UpdateResidentInput,
} from './wire';
import {
  AccessGroupWire,
  AccountWire,
  ApartmentWire,
  BuildingWire,
  CommunityWire,
  DeviceWire,
  itemsWire,
  OrderWire,
  pageWire,
  PaymentMethodWire,
  PricesWire,
  ResidentWire,
  SubscriptionWire,
} from './wire-schemas';

/** Options of {@link createSmartPlusClient}. */
export type SmartPlusClientOptions = TransportOptions;

/** The SmartPlus Cloud client: one method per resource of shared/reference/smartplus-cloud-api.md. */
export interface SmartPlusClient {
  account(options?: CallOptions): Promise<InstallerAccount>;
  prices(options?: CallOptions): Promise<Prices>;
  subscriptions(options?: CallOptions): Promise<Subscription[]>;
  /** Saves a card. The card goes only into this request's body and is not kept or logged; 422 becomes CARD_INVALID. */
  addPaymentMethod(card: CardInput, options?: CreateOptions): Promise<PaymentMethod>;
  listPaymentMethods(options?: CallOptions): Promise<PaymentMethod[]>;
  deletePaymentMethod(id: string, options?: CallOptions): Promise<void>;
  /** Places an order; a declined card answers an order with `status: "failed"` (see {@link assertOrderSucceeded}). */
  createOrder(order: OrderRequest, options?: CreateOptions): Promise<Order>;
  listOrders(options?: CallOptions): Promise<Order[]>;
  communities: {
    list(query?: CommunityQuery, options?: CallOptions): Promise<Page<SpCommunity>>;
    /** The community carrying `ref`, or null. */
    findByExternalRef(ref: ExternalRef, options?: CallOptions): Promise<SpCommunity | null>;
    get(id: string, options?: CallOptions): Promise<SpCommunity>;
    create(input: CreateCommunityInput, options?: CreateOptions): Promise<SpCommunity>;
    update(id: string, patch: UpdateCommunityInput, options?: CallOptions): Promise<SpCommunity>;
  };
  buildings(communityId: string, options?: CallOptions): Promise<SpBuilding[]>;
  apartments: {
    list(communityId: string, query?: ApartmentQuery, options?: CallOptions): Promise<Page<SpApartment>>;
    create(communityId: string, input: CreateApartmentInput, options?: CreateOptions): Promise<SpApartment>;
    update(id: string, patch: UpdateApartmentInput, options?: CallOptions): Promise<SpApartment>;
    delete(id: string, options?: CallOptions): Promise<void>;
  };
  residents: {
    list(communityId: string, query?: ResidentQuery, options?: CallOptions): Promise<Page<SpResident>>;
    createFamilyMember(apartmentId: string, input: CreateFamilyMemberInput, options?: CreateOptions): Promise<SpResident>;
    update(id: string, patch: UpdateResidentInput, options?: CallOptions): Promise<SpResident>;
    delete(id: string, options?: CallOptions): Promise<void>;
  };
  setPin(residentId: string, pin: string, options?: CallOptions): Promise<SpResident>;
  removePin(residentId: string, options?: CallOptions): Promise<void>;
  setRfCards(residentId: string, cards: readonly string[], options?: CallOptions): Promise<SpResident>;
  accessGroups(communityId: string, options?: CallOptions): Promise<SpAccessGroup[]>;
  devices: {
    list(communityId: string, query?: PageQuery, options?: CallOptions): Promise<Page<SpDevice>>;
    create(communityId: string, input: CreateDeviceInput, options?: CreateOptions): Promise<SpDevice>;
    update(id: string, patch: UpdateDeviceInput, options?: CallOptions): Promise<SpDevice>;
    delete(id: string, options?: CallOptions): Promise<void>;
  };
  /** Request, retry, 429 and sign-in counts since the client was made. */
  stats(): TransportStats;
  /** The request pipe: requests in flight now and at peak, the in-flight limit, the latency average. */
  pipe(): PipeStats;
  /** Starts counting the peak in flight afresh (per benchmark run). */
  resetPipePeak(): void;
  /** Changes the cap on requests in flight while the client lives (Settings → Sync speed). */
  setMaxInFlight(max: number): void;
}

const enc = encodeURIComponent;

function pageQuery(query: (PageQuery & { externalRef?: ExternalRef }) | undefined, extra: Record<string, string | undefined> = {}) {
  return {
    page: query?.page,
    pageSize: query?.pageSize,
    externalRef: query?.externalRef ? refKey(query.externalRef) : undefined,
    ...extra,
  };
}

/**
 * Creates the SmartPlus Cloud client. Signs in lazily, keeps to `requestsPerSecond` (default
 * 20), retries reads and keyed creates after network errors, timeouts and 5xx, honours
 * Retry-After, and maps failures to {@link SmartPlusError} codes.
 */
export function createSmartPlusClient(options: SmartPlusClientOptions): SmartPlusClient {
  const t = new SmartPlusTransport(options);
  const log = (options.logger ?? silentLogger).child('smartplus');
  const get = <T>(path: string, schema: z.ZodType<T>, o?: CallOptions, query?: Record<string, string | number | undefined>) =>
    t.request({ method: 'GET', path, schema, query, signal: o?.signal });
  const create = <T>(path: string, body: unknown, schema: z.ZodType<T>, o?: CreateOptions) =>
    t.request({ method: 'POST', path, body, schema, idempotencyKey: o?.idempotencyKey, signal: o?.signal });
  const write = <T>(method: 'PATCH' | 'PUT', path: string, body: unknown, schema: z.ZodType<T>, o?: CallOptions) =>
    t.request({ method, path, body, schema, signal: o?.signal });
  const remove = (path: string, o?: CallOptions) => t.request<void>({ method: 'DELETE', path, schema: null, signal: o?.signal });
  /** A list read item by item: unreadable items are left out and reported to `onUnreadable`. */
  const items = async <T>(path: string, item: z.ZodType<T>, noun: string, o?: CallOptions, query?: Record<string, string | number | undefined>): Promise<T[]> =>
    reported(await get<ReadList<T>>(path, itemsWire(item, noun, `GET ${path}`), o, query), o, log, path).items;
  const page = async <T>(path: string, item: z.ZodType<T>, noun: string, o?: CallOptions, query?: Record<string, string | number | undefined>): Promise<Page<T>> => {
    const { unreadable, ...read } = reported(await get(path, pageWire(item, noun, `GET ${path}`), o, query), o, log, path);
    return unreadable.length > 0 ? { ...read, unreadable } : read;
  };

  return {
    account: (o) => get('/account', AccountWire, o),
    prices: (o) => get('/billing/prices', PricesWire, o),
    subscriptions: (o) => items('/billing/subscriptions', SubscriptionWire, 'subscription', o),
    addPaymentMethod: (card, o) =>
      t.request({ method: 'POST', path: '/billing/payment-methods', body: { card }, schema: PaymentMethodWire, idempotencyKey: o?.idempotencyKey, signal: o?.signal, cardEndpoint: true }),
    listPaymentMethods: (o) => items('/billing/payment-methods', PaymentMethodWire, 'payment method', o),
    deletePaymentMethod: (id, o) => remove(`/billing/payment-methods/${enc(id)}`, o),
    createOrder: (order, o) => create('/billing/orders', order, OrderWire, o),
    listOrders: (o) => items('/billing/orders', OrderWire, 'order', o),
    communities: {
      list: (query, o) => page('/communities', CommunityWire, 'community', o, pageQuery(query)),
      findByExternalRef: async (ref, o) => (await page('/communities', CommunityWire, 'community', o, pageQuery({ externalRef: ref, pageSize: 1 }))).items[0] ?? null,
      get: (id, o) => get(`/communities/${enc(id)}`, CommunityWire, o),
      create: (input, o) => create('/communities', input, CommunityWire, o),
      update: (id, patch, o) => write('PATCH', `/communities/${enc(id)}`, patch, CommunityWire, o),
    },
    buildings: (cid, o) => items(`/communities/${enc(cid)}/buildings`, BuildingWire, 'building', o),
    apartments: {
      list: (cid, query, o) => page(`/communities/${enc(cid)}/apartments`, ApartmentWire, 'apartment', o, pageQuery(query, { buildingId: query?.buildingId })),
      create: (cid, input, o) => create(`/communities/${enc(cid)}/apartments`, input, ApartmentWire, o),
      update: (id, patch, o) => write('PATCH', `/apartments/${enc(id)}`, patch, ApartmentWire, o),
      delete: (id, o) => remove(`/apartments/${enc(id)}`, o),
    },
    residents: {
      list: (cid, query, o) => page(`/communities/${enc(cid)}/residents`, ResidentWire, 'resident', o, pageQuery(query, { apartmentId: query?.apartmentId, role: query?.role })),
      createFamilyMember: (aid, input, o) => create(`/apartments/${enc(aid)}/family-members`, input, ResidentWire, o),
      update: (id, patch, o) => write('PATCH', `/residents/${enc(id)}`, patch, ResidentWire, o),
      delete: (id, o) => remove(`/residents/${enc(id)}`, o),
    },
    setPin: (rid, pin, o) => write('PUT', `/residents/${enc(rid)}/pin`, { pin }, ResidentWire, o),
    removePin: (rid, o) => remove(`/residents/${enc(rid)}/pin`, o),
    setRfCards: (rid, cards, o) => write('PUT', `/residents/${enc(rid)}/rf-cards`, { cards }, ResidentWire, o),
    accessGroups: (cid, o) => items(`/communities/${enc(cid)}/access-groups`, AccessGroupWire, 'access group', o),
    devices: {
      list: (cid, query, o) => page(`/communities/${enc(cid)}/devices`, DeviceWire, 'device', o, pageQuery(query)),
      create: (cid, input, o) => create(`/communities/${enc(cid)}/devices`, input, DeviceWire, o),
      update: (id, patch, o) => write('PATCH', `/devices/${enc(id)}`, patch, DeviceWire, o),
      delete: (id, o) => remove(`/devices/${enc(id)}`, o),
    },
    stats: () => ({ ...t.stats }),
    pipe: () => t.pipeStats(),
    resetPipePeak: () => t.resetPipePeak(),
    setMaxInFlight: (max) => t.setMaxInFlight(max),
  };
}

/**
 * Logs a list's unreadable items (object, field, expected: never the value, which may be personal)
 * and tells `onUnreadable`; passes the list on.
 */
function reported<L extends { unreadable?: ReadList<unknown>['unreadable'] }>(read: L, o: CallOptions | undefined, log: Logger, path: string): L {
  if (!read.unreadable || read.unreadable.length === 0) return read;
  log.warn('unreadable objects in a list', { path, count: read.unreadable.length, first: read.unreadable.slice(0, 5).map((u) => `${u.object}: ${u.field} (expected ${u.expected})`) });
  o?.onUnreadable?.(read.unreadable);
  return read;
}

/** Throws CARD_DECLINED when an order failed (the card was saved but the charge was refused); returns it otherwise. */
export function assertOrderSucceeded(order: Order): Order {
  if (order.status === 'succeeded') return order;
  throw new SmartPlusError('CARD_DECLINED', { details: { orderId: order.id, failureReason: order.failureReason ?? 'unknown' } });
}
