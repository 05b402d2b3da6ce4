import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useApp, useStores } from '../../stores/stores-context';
import { formatMoney } from '../../components/format';
import { plural } from '../../components/labels';

/**
 * What "Not activated" means where it shows (issue 16): the apartment is synced to SmartPlus
 * but its monthly SmartPlus fee is not paid, so its residents cannot use the app yet — with
 * the monthly price when the prices are known, and "Pay for apartments".
 */
export function NotActivatedNote({ count }: { count: number }) {
  const { billing } = useStores();
  const navigate = useApp((s) => s.navigate);
  const online = useApp((s) => s.online);
  const prices = useStore(billing, (s) => s.basis.value?.prices ?? null);
  useEffect(() => {
    if (count > 0 && online) void billing.getState().loadPrices();
  }, [billing, count, online]);
  if (count <= 0) return null;
  const pay = () => {
    billing.getState().start('apartments');
    navigate({ screen: 'billing' });
  };
  const one = count === 1;
  return (
    <div className="banner banner-warn not-activated-note" role="note" aria-label="Not activated">
      <p className="gs-tight">
        <strong>{plural(count, 'apartment')} not activated.</strong> {one ? 'It is' : 'They are'} synced to SmartPlus, but {one ? 'its' : 'their'} SmartPlus
        apartment fee is not paid, so {one ? 'its residents' : 'their residents'} cannot use the SmartPlus app yet
        {prices ? ` (${formatMoney(prices.apartmentMonthly, prices.currency)} per apartment a month)` : ''}.
      </p>
      <button type="button" className="btn btn-small btn-primary" onClick={pay}>
        Pay for apartments
      </button>
    </div>
  );
}
