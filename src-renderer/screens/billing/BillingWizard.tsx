import { useEffect, useRef } from 'react';
import type { WizardStep } from '../../stores/billing-store';
import { useApp, useStores } from '../../stores/stores-context';
import { ApartmentsStep } from './ApartmentsStep';
import { RenewalStep, ServiceStep, TypeStep } from './ChoiceSteps';
import { PaymentStep } from './PaymentStep';
import { ReceiptStep } from './ReceiptStep';
import { ReviewStep } from './ReviewStep';
import { useBilling } from './use-billing';

type Kind = WizardStep['kind'];

/** Each step's heading. */
export const STEP_TITLES: Record<Kind, string> = {
  type: 'Subscription type',
  service: 'Service',
  renewal: 'Renewal',
  apartments: 'Apartments',
  review: 'Review',
  payment: 'Payment',
  receipt: 'Receipt',
};

const INTEGRATION_STEPS: Kind[] = ['type', 'service', 'renewal', 'review', 'payment', 'receipt'];
const APARTMENT_STEPS: Kind[] = ['type', 'service', 'apartments', 'review', 'payment', 'receipt'];

function StepBody({ kind }: { kind: Kind }) {
  switch (kind) {
    case 'type':
      return <TypeStep />;
    case 'service':
      return <ServiceStep />;
    case 'renewal':
      return <RenewalStep />;
    case 'apartments':
      return <ApartmentsStep />;
    case 'review':
      return <ReviewStep />;
    case 'payment':
      return <PaymentStep />;
    case 'receipt':
      return <ReceiptStep />;
  }
}

/** The payment wizard: progress list, the current step (its heading takes focus), the step's problem, Back / Next. */
export function BillingWizard() {
  const { billing } = useStores();
  const navigate = useApp((s) => s.navigate);
  const kind = useBilling((s) => s.wizard?.step.kind ?? 'type');
  const flow = useBilling((s) => s.wizard?.draft.flow ?? null);
  const stepError = useBilling((s) => s.wizard?.stepError ?? null);
  const paying = useBilling((s) => s.wizard?.step.kind === 'payment' && s.wizard.step.paying);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [kind]);
  const steps = flow === 'apartments' ? APARTMENT_STEPS : INTEGRATION_STEPS;
  const index = steps.indexOf(kind);
  const store = billing.getState;
  return (
    <section className="card sub-wizard" aria-labelledby="sub-step-title">
      <ol className="sub-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s} className={i === index ? 'current' : i < index ? 'done' : ''} aria-current={i === index ? 'step' : undefined}>
            <span className="sub-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {STEP_TITLES[s]}
          </li>
        ))}
      </ol>
      <h2 id="sub-step-title" ref={heading} tabIndex={-1}>
        {STEP_TITLES[kind]} <span className="muted sub-step-count">(step {index + 1} of {steps.length})</span>
      </h2>
      <div className="sub-body">
        <StepBody kind={kind} />
      </div>
      {stepError ? (
        <p className="banner banner-error" role="alert">
          {stepError}
        </p>
      ) : null}
      <div className="sub-nav">
        {kind === 'receipt' && flow === 'integration' ? (
          <>
            <button type="button" className="btn" onClick={() => store().close()}>
              Done
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                store().close();
                navigate({ screen: 'get-site' });
              }}
            >
              Next: Get Site from PMS
            </button>
          </>
        ) : kind === 'receipt' ? (
          <button type="button" className="btn btn-primary" onClick={() => store().close()}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="btn" disabled={paying} onClick={() => store().back()}>
              {kind === 'type' ? 'Cancel' : 'Back'}
            </button>
            {kind === 'payment' ? null : (
              <button type="button" className="btn btn-primary" onClick={() => store().next()}>
                {kind === 'review' ? 'Continue to payment' : 'Next'}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
