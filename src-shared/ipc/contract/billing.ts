import { z } from 'zod';
import { BOUNDS, IdSchema } from './bounds';
import { CardInputSchema, OrderSchema, PricesSchema, RenewalMonthsSchema, RenewalSchema } from '../../domain/billing';

/**
 * The integration subscription as screens see it (spec §7). `unknown` when SmartPlus could
 * not be asked and nothing was seen before; `stale` when this is the last state seen (offline).
 */
export const IntegrationStatusSchema = z.object({
  state: z.enum(['active', 'expired', 'none', 'unknown']),
  activeUntil: z.string().nullable(),
  renewal: RenewalSchema.nullable(),
  months: z.number().int().nullable(),
  /** When SmartPlus last answered. */
  checkedAt: z.string().nullable(),
  stale: z.boolean(),
  /** Why the state is unknown or stale (offline, no SmartPlus account), with the next step. */
  reason: z.string().nullable(),
});
/** See {@link IntegrationStatusSchema}. */
export type IntegrationStatus = z.infer<typeof IntegrationStatusSchema>;

/** Billing details as entered on the review step (all required; the country is a two-letter code). */
export const BillingDetailsSchema = z.object({
  company: z.string().max(BOUNDS.name).trim().min(1),
  contact: z.string().max(BOUNDS.name).trim().min(1),
  email: z.email().max(BOUNDS.email),
  address: z.string().max(400).trim().min(1),
  country: z
    .string()
    .max(8)
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
});
/** See {@link BillingDetailsSchema}. */
export type BillingDetails = z.infer<typeof BillingDetailsSchema>;

/** Prices, and billing details prefilled from the SmartPlus account (empty where it says nothing). */
export const BillingQuoteBasisSchema = z.object({
  prices: PricesSchema,
  billingDefaults: z.object({ company: z.string(), contact: z.string(), email: z.string(), address: z.string(), country: z.string() }),
});
/** See {@link BillingQuoteBasisSchema}. */
export type BillingQuoteBasis = z.infer<typeof BillingQuoteBasisSchema>;

/** A SmartPlus installer account the Subscription screen can pay for (issue 16); the default one first. */
export const BillingAccountSchema = z.object({ id: IdSchema, label: z.string(), isSandbox: z.boolean(), isDefault: z.boolean() });
/** See {@link BillingAccountSchema}. */
export type BillingAccount = z.infer<typeof BillingAccountSchema>;

/** Which SmartPlus account a billing call is about; absent: the default account. */
export const BillingAccountInputSchema = z.object({ accountId: IdSchema.optional() }).optional();

/** Pay for the integration: renewal, period, billing details and the card (sent once, never kept). */
export const PayIntegrationSchema = z.object({
  /** The SmartPlus account that pays (issue 16); absent: the default account. */
  accountId: IdSchema.optional(),
  renewal: RenewalSchema,
  months: RenewalMonthsSchema,
  billing: BillingDetailsSchema,
  card: CardInputSchema,
});
/** See {@link PayIntegrationSchema}. */
export type PayIntegration = z.infer<typeof PayIntegrationSchema>;

/** Pay the monthly fee of chosen apartments of a synced site (count × monthly price × months). */
export const PayApartmentsSchema = z.object({
  siteId: IdSchema,
  apartmentIds: z.array(IdSchema).min(1).max(BOUNDS.units),
  months: z.number().int().min(1).max(12),
  billing: BillingDetailsSchema,
  card: CardInputSchema,
});
/** See {@link PayApartmentsSchema}. */
export type PayApartments = z.infer<typeof PayApartmentsSchema>;

/** A successful payment: the receipt, and the card's brand and last 4 digits (never the number). */
export const PaymentResultSchema = z.object({
  receipt: OrderSchema,
  paidWith: z.object({ brand: z.string(), last4: z.string().regex(/^\d{4}$/) }),
});
/** See {@link PaymentResultSchema}. */
export type PaymentResult = z.infer<typeof PaymentResultSchema>;

/** A synced site the monthly apartment fee can be paid for. */
export const BillableSiteSchema = z.object({ id: z.string(), name: z.string(), apartmentCount: z.number().int() });
/** A synced apartment that can be paid for. */
export const BillableApartmentSchema = z.object({ id: z.string(), name: z.string(), activated: z.boolean() });
/** See {@link BillableApartmentSchema}. */
export type BillableApartment = z.infer<typeof BillableApartmentSchema>;

/** The synced sites, and the synced apartments of the chosen (or first) one. */
export const ApartmentChoicesSchema = z.object({
  sites: z.array(BillableSiteSchema),
  siteId: z.string().nullable(),
  apartments: z.array(BillableApartmentSchema),
});
/** See {@link ApartmentChoicesSchema}. */
export type ApartmentChoices = z.infer<typeof ApartmentChoicesSchema>;

/**
 * Call schemas of the `billing.*` channels. Card details only ever travel in (`pay`,
 * `payApartments`); nothing that comes out carries more than a brand and last 4 digits.
 * Other screens ask `billing.getStatus` whether the integration is active before a sync.
 */
export const billingCalls = {
  'billing.getStatus': { input: BillingAccountInputSchema, output: IntegrationStatusSchema },
  'billing.getPrices': { input: BillingAccountInputSchema, output: BillingQuoteBasisSchema },
  'billing.listAccounts': { input: z.undefined(), output: z.array(BillingAccountSchema) },
  'billing.pay': { input: PayIntegrationSchema, output: PaymentResultSchema },
  'billing.payApartments': { input: PayApartmentsSchema, output: PaymentResultSchema },
  'billing.listReceipts': { input: BillingAccountInputSchema, output: z.array(OrderSchema) },
  'billing.listApartmentChoices': { input: z.object({ siteId: IdSchema.optional(), accountId: IdSchema.optional() }), output: ApartmentChoicesSchema },
} as const;

/** Event schemas of the `billing.*` events: the integration's state changed (after a payment or a check). */
export const billingEvents = {
  'billing.statusChanged': IntegrationStatusSchema,
} as const;
