import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectionsScreen } from '../../src-renderer/screens/connections/ConnectionsScreen';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createConnectionsStore } from '../../src-renderer/stores/connections-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const AT = '2026-11-27T10:00:00.000Z';
const REFUSED = {
  code: 'RM_UNAUTHORIZED',
  message: "Rent Manager refused the partner token. Partner tokens work only from the IP addresses allow-listed for the integration in Rent Manager's Partner Web Access, so a laptop on another network (home, hotel, mobile hotspot, VPN) is refused even with the right token.",
  nextStep: "Sign in from the network whose address is allow-listed, or have this computer's public IP address added in Partner Web Access, or choose \"API user\" and sign in with a user name and password instead. If the address is allow-listed, check the token.",
};

describe('Rent Manager partner-token sign-in (issue 13)', () => {
  it('says where the sign-in kind is chosen that a partner token needs an allow-listed IP address, and a refusal explains it with the next step', async () => {
    const fake = createFakeBridge();
    fake.respond('connections.list', () => []);
    fake.respond('connections.locations', () => ({ ok: false, testedAt: AT, failure: REFUSED }));
    const stores = { bridge: fake.bridge, app: createAppStore(fake.bridge), connections: createConnectionsStore(fake.bridge) } as unknown as Stores;
    render(
      <StoresContext.Provider value={stores}>
        <ConnectionsScreen />
      </StoresContext.Provider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a customer' }));
    const partner = screen.getByRole('radio', { name: 'Partner token' });
    const hint = document.getElementById(partner.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/only from the IP addresses allow-listed/);
    expect(hint?.textContent).toMatch(/sign in with an API user/);
    expect(screen.getByRole('group', { name: 'How SiteSync signs in' }).contains(hint)).toBe(true);

    await user.click(partner);
    await user.type(screen.getByLabelText('Customer name'), 'Acme');
    await user.type(screen.getByLabelText('Company code'), 'acme');
    await user.type(screen.getByLabelText('Partner token', { selector: 'input[type=password]' }), 'tok-123');
    await user.click(screen.getByRole('button', { name: 'Sign in and find locations' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('allow-listed for the integration');
    expect(alert.textContent).toContain("Next step: Sign in from the network whose address is allow-listed, or have this computer's public IP address added");
    expect(fake.calls.find((c) => c.channel === 'connections.locations')?.input).toMatchObject({ signIn: { kind: 'partner-token' } });
  });
});
