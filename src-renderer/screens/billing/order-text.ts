import type { Order, OrderLine, Renewal } from '../../../src-shared/domain/billing';
import { plural } from '../../components/labels';

const RENEWAL_WORDS: Record<Renewal, string> = { auto: 'automatic renewal', manual: 'renewed by hand' };

/**
 * One order line in words, from its fields (never the server's own description, which may read
 * "12 month(s)"): "Integration, 12 months, automatic renewal" or "3 apartments, 1 month".
 */
export function orderLineText(line: OrderLine, renewal: Renewal | null = null): string {
  if (line.service === 'integration') return ['Integration', plural(line.months, 'month'), ...(renewal ? [RENEWAL_WORDS[renewal]] : [])].join(', ');
  return `${plural(line.quantity, 'apartment')}, ${plural(line.months, 'month')}`;
}

/** What an order paid for, its lines joined; the renewal comes from the subscription the order returned. */
export function orderText(order: Order): string {
  return order.lines.map((l) => orderLineText(l, order.subscription?.renewal ?? null)).join('; ');
}
