import { useEffect, useRef, useState } from 'react';
import type { Navigation } from '../../../src-shared/ipc/contract/app';
import { hasUnsavedInput, INPUT_STEPS, stepBlocker, type WizardStep } from '../../stores/get-site-store';
import { useApp, useStores } from '../../stores/stores-context';
import { ApartmentsStep } from './ApartmentsStep';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CommunityStep } from './CommunityStep';
import { CustomerStep } from './CustomerStep';
import { FieldsStep } from './FieldsStep';
import { ImportProgress, ImportResult } from './ImportSteps';
import { AccessStep, CreationStep, DeletionStep } from './PolicySteps';
import { PropertiesStep } from './PropertiesStep';
import { ReviewStep } from './ReviewStep';
import { useGetSite } from './use-get-site';

/** Step names as the progress list shows them. */
export const STEP_LABELS: Record<WizardStep['kind'], string> = {
  customer: 'Customer',
  properties: 'Properties',
  community: 'Community',
  fields: 'PINs, cards and time',
  creation: 'Account creation',
  deletion: 'Account deletion',
  access: 'Family access',
  apartments: 'Apartments',
  review: 'Review',
  importing: 'Import',
  result: 'Result',
};

function StepBody({ kind }: { kind: WizardStep['kind'] }) {
  switch (kind) {
    case 'customer':
      return <CustomerStep />;
    case 'properties':
      return <PropertiesStep />;
    case 'community':
      return <CommunityStep />;
    case 'fields':
      return <FieldsStep />;
    case 'creation':
      return <CreationStep />;
    case 'deletion':
      return <DeletionStep />;
    case 'access':
      return <AccessStep />;
    case 'apartments':
      return <ApartmentsStep />;
    case 'review':
      return <ReviewStep />;
    case 'importing':
      return <ImportProgress />;
    case 'result':
      return <ImportResult />;
  }
}

/** Installs the leave guard while the wizard holds input: navigating away asks first. */
function useLeaveGuard(): [Navigation | null, (to: Navigation | null) => void] {
  const { app, getSite } = useStores();
  const [pending, setPending] = useState<Navigation | null>(null);
  useEffect(() => {
    app.getState().setLeaveGuard((to) => {
      if (to.screen === 'get-site' || !hasUnsavedInput(getSite.getState())) return true;
      setPending(to);
      return false;
    });
    return () => app.getState().setLeaveGuard(null);
  }, [app, getSite]);
  return [pending, setPending];
}

/**
 * The Get Site from PMS wizard (spec §8): customer → properties → account dates → family access →
 * apartments → review → import. Back and Next keep what was entered; leaving mid-way asks first.
 */
export function GetSiteScreen() {
  const { app, getSite } = useStores();
  const kind = useGetSite((s) => s.step.kind);
  const blocker = useGetSite((s) => stepBlocker(s));
  const customers = useGetSite((s) => s.customers.status);
  const next = useGetSite((s) => s.next);
  const back = useGetSite((s) => s.back);
  const offline = !useApp((s) => s.online);
  const [pending, setPending] = useLeaveGuard();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (customers === 'idle') void getSite.getState().loadCustomers();
  }, [customers, getSite]);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [kind]);

  const index = INPUT_STEPS.indexOf(kind as (typeof INPUT_STEPS)[number]);
  const isInput = index >= 0;
  const leave = () => {
    const to = pending;
    setPending(null);
    getSite.getState().reset();
    if (to) app.getState().navigate(to);
  };

  return (
    <section className="screen get-site" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Get Site from PMS
      </h1>
      <ol className="wizard-steps" aria-label="Steps">
        {INPUT_STEPS.map((step, i) => (
          <li key={step} className={i === index ? 'current' : i < index || !isInput ? 'done' : ''} aria-current={i === index ? 'step' : undefined}>
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {STEP_LABELS[step]}
          </li>
        ))}
      </ol>
      {offline && isInput ? (
        <div className="banner banner-warn" role="status">
          You are offline. Customers and properties come from Rent Manager, so this wizard needs the network; what you entered is kept.
        </div>
      ) : null}
      <form
        className="card wizard-body"
        aria-labelledby="wizard-step-title"
        onSubmit={(event) => {
          event.preventDefault();
          void next();
        }}
      >
        <h2 id="wizard-step-title" ref={stepHeading} tabIndex={-1}>
          {isInput ? `Step ${index + 1} of ${INPUT_STEPS.length}: ` : ''}
          {STEP_LABELS[kind]}
        </h2>
        <StepBody kind={kind} />
        {isInput ? (
          <div className="wizard-nav">
            <button type="button" className="btn" onClick={back} disabled={index === 0}>
              Back
            </button>
            <span className="spacer" />
            {blocker && kind !== 'review' ? (
              <span className="muted" id="wizard-blocker">
                {blocker}
              </span>
            ) : null}
            <button
              type="submit"
              className="btn btn-primary"
              disabled={blocker !== null}
              aria-describedby={blocker && kind !== 'review' ? 'wizard-blocker' : undefined}
            >
              {kind === 'review' ? 'Import' : 'Next'}
            </button>
          </div>
        ) : null}
      </form>
      {pending ? (
        <ConfirmDialog
          title="Leave Get Site from PMS?"
          text="What you entered in this wizard will be lost. Nothing has been imported yet."
          safeLabel="Stay in the wizard"
          riskyLabel="Leave and discard"
          onSafe={() => setPending(null)}
          onRisky={leave}
        />
      ) : null}
    </section>
  );
}
