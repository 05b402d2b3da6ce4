import { z } from 'zod';
import { BOUNDS } from '../ipc/contract/bounds';

/** The installer's SmartPlus account (`GET /account`, shared/reference/smartplus-cloud-api.md). */
export const InstallerAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  region: z.string(),
});
/** See {@link InstallerAccountSchema}. */
export type InstallerAccount = z.infer<typeof InstallerAccountSchema>;

/** Monthly prices in cents (`GET /billing/prices`). */
export const PricesSchema = z.object({
  currency: z.string(),
  integrationMonthly: z.number().int().nonnegative(),
  apartmentMonthly: z.number().int().nonnegative(),
  additionalAppMonthly: z.number().int().nonnegative(),
});
/** See {@link PricesSchema}. */
export type Prices = z.infer<typeof PricesSchema>;

/** Renewal periods the subscription screen offers (spec §7): 1, 3, 6 or 12 months. */
export const RenewalMonthsSchema = z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]);
/** See {@link RenewalMonthsSchema}. */
export type RenewalMonths = z.infer<typeof RenewalMonthsSchema>;

/** How a subscription renews. */
export const RenewalSchema = z.enum(['auto', 'manual']);
/** See {@link RenewalSchema}. */
export type Renewal = z.infer<typeof RenewalSchema>;

/** The integration subscription; PMS-linked writes need it `active`. */
export const SubscriptionSchema = z.object({
  id: z.string(),
  service: z.literal('integration'),
  status: z.enum(['active', 'expired', 'none']),
  renewal: RenewalSchema,
  months: z.number().int().nonnegative(),
  currentPeriodEnd: z.string().nullable(),
});
/** See {@link SubscriptionSchema}. */
export type Subscription = z.infer<typeof SubscriptionSchema>;

/**
 * Card details as typed by the installer. They travel once, to `POST /billing/payment-methods`,
 * and are never stored or logged (spec §7).
 */
export const CardInputSchema = z.object({
  number: z.string().max(40),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  cvc: z.string().max(8),
  holder: z.string().max(BOUNDS.name),
});
/** See {@link CardInputSchema}. */
export type CardInput = z.infer<typeof CardInputSchema>;

/** A saved payment method: brand, last 4 digits and expiry only — never the number. */
export const PaymentMethodSchema = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string().regex(/^\d{4}$/),
  expMonth: z.number().int(),
  expYear: z.number().int(),
});
/** See {@link PaymentMethodSchema}. */
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** One service in an order: the integration subscription, or monthly fees of chosen apartments. */
export const OrderServiceSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('integration'), renewal: RenewalSchema, months: RenewalMonthsSchema }),
  z.object({
    service: z.literal('apartment'),
    apartmentIds: z.array(z.string().min(1)).min(1),
    months: z.number().int().min(1).max(36),
  }),
]);
/** See {@link OrderServiceSchema}. */
export type OrderService = z.infer<typeof OrderServiceSchema>;

/** The billing details reviewed before paying. */
export const BillingInfoSchema = z.object({
  company: z.string(),
  contact: z.string(),
  email: z.string(),
  address: z.string(),
  country: z.string().length(2),
});
/** See {@link BillingInfoSchema}. */
export type BillingInfo = z.infer<typeof BillingInfoSchema>;

/** The body of `POST /billing/orders`: services, billing details and a saved payment method. */
export const OrderRequestSchema = z.object({
  services: z.array(OrderServiceSchema).min(1),
  billing: BillingInfoSchema,
  paymentMethodId: z.string().min(1),
});
/** See {@link OrderRequestSchema}. */
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/** One priced line of an order (amounts in cents). */
export const OrderLineSchema = z.object({
  service: z.enum(['integration', 'apartment']),
  description: z.string(),
  quantity: z.number().int(),
  months: z.number().int(),
  unitAmount: z.number().int(),
  amount: z.number().int(),
});
/** See {@link OrderLineSchema}. */
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** An order, which is also the receipt the app keeps (amount, period, next renewal date). */
export const OrderSchema = z.object({
  id: z.string(),
  status: z.enum(['succeeded', 'failed']),
  amount: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
  lines: z.array(OrderLineSchema),
  subscription: SubscriptionSchema.optional(),
  failureReason: z.string().optional(),
});
/** See {@link OrderSchema}. */
export type Order = z.infer<typeof OrderSchema>;
