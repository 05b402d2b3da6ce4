import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DevicesScreen } from '../../src-renderer/screens/devices/DevicesScreen';
import { AS_OF, aptRow, device, deviceList, outboxItem, renderWithStores, siteSummary } from './helpers/browse-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';

function bridge(list = deviceList()) {
  const fake = createFakeBridge();
  fake.respond('sites.list', () => [siteSummary()]);
  fake.respond('devices.list', () => list);
  fake.respond('apartments.list', (q) => ({ rows: [aptRow(0), aptRow(3)].filter((r) => r.name.includes(q.search) || r.residentNames.includes(q.search)), total: 2, page: 0, pageSize: q.pageSize, asOf: AS_OF }));
  return fake;
}

async function open(fake = bridge()) {
  const rendered = renderWithStores(<DevicesScreen />, fake);
  await screen.findByRole('heading', { name: 'Add a device' });
  return rendered;
}

describe('Devices screen states', () => {
  it('loading, then the devices with type, MAC, location and status', async () => {
    const fake = bridge(deviceList({ devices: [device(), device({ id: 'dev-2', name: 'Unit 104 monitor', type: 2, mac: '0C1105000003', location: { scope: 'apartment', id: 'apt-3' }, online: false })], apartmentNames: { 'apt-3': '104' } }));
    renderWithStores(<DevicesScreen />, fake);
    expect(screen.getByText('Loading sites…')).toBeTruthy();
    const row = (await screen.findByRole('rowheader', { name: 'Unit 104 monitor' })).closest('tr')!;
    expect(within(row).getByText('Indoor monitor')).toBeTruthy();
    expect(within(row).getByText('0C:11:05:00:00:03')).toBeTruthy();
    expect(within(row).getByText('Unit 104')).toBeTruthy();
    expect(within(row).getByText('Offline')).toBeTruthy();
    expect(within(row).getByText(/Last seen/)).toBeTruthy();
    const lobby = screen.getByRole('rowheader', { name: 'Lobby door' }).closest('tr')!;
    expect(within(lobby).getByText('Online')).toBeTruthy();
    expect(within(lobby).getByText('Public area')).toBeTruthy();
  });

  it('empty: no devices yet, and no sites at all', async () => {
    await open(bridge(deviceList({ devices: [] })));
    expect(screen.getByText('No devices yet')).toBeTruthy();
    const fake = createFakeBridge();
    fake.respond('sites.list', () => []);
    renderWithStores(<DevicesScreen />, fake);
    expect(await screen.findByText('No sites yet')).toBeTruthy();
  });

  it('error: explains a failed list and retries', async () => {
    const fake = bridge();
    fake.fail('devices.list', { code: 'INTERNAL', message: 'The local database could not be read.', retryable: false });
    renderWithStores(<DevicesScreen />, fake);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read');
    fake.respond('devices.list', () => deviceList());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('rowheader', { name: 'Lobby door' })).toBeTruthy();
  });

  it('offline: last known states with their time, edit and remove off, additions queued', async () => {
    const { fake } = await open(bridge(deviceList({ live: false, staleReason: 'You are offline: these are the last known states.' })));
    act(() => fake.emit('app.onlineChanged', { online: false, since: AS_OF }));
    expect(screen.getByTestId('offline-notice').textContent).toMatch(/Offline — device states as of .*New devices are queued/);
    expect((screen.getByRole('button', { name: 'Edit Lobby door' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Remove Lobby door' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Queue device' })).toBeTruthy();
    const lobby = screen.getByRole('rowheader', { name: 'Lobby door' }).closest('tr')!;
    expect(within(lobby).getByText('Last known')).toBeTruthy();
  });
});

describe('Add a device', () => {
  it('checks the MAC live and sends it normalised', async () => {
    const fake = bridge();
    fake.respond('devices.add', ({ device: d }) => ({ outcome: 'added', device: device({ id: 'dev-9', name: d.name, mac: d.mac }) }));
    await open(fake);
    const user = userEvent.setup();
    const mac = screen.getByLabelText('MAC address');
    await user.type(mac, '0c-11-05-00-00-0g');
    expect(screen.getByText(/Not a valid MAC: only 0-9, A-F/)).toBeTruthy();
    expect(mac.getAttribute('aria-invalid')).toBe('true');
    await user.clear(mac);
    await user.type(mac, '0c-11-05-00-00-01');
    expect(screen.getByText('Will be saved as 0C:11:05:00:00:01.')).toBeTruthy();
    expect(mac.getAttribute('aria-invalid')).toBe('false');
    await user.type(screen.getByLabelText('Name'), 'Side gate');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'devices.add')).toBeTruthy());
    expect(fake.calls.find((c) => c.channel === 'devices.add')?.input).toEqual({
      siteId: 'site-1',
      device: { name: 'Side gate', type: 0, mac: '0C1105000001', location: { scope: 'community' } },
    });
    expect(await screen.findByText('Side gate was added to SmartPlus.')).toBeTruthy();
    expect((screen.getByLabelText('MAC address') as HTMLInputElement).value).toBe('');
  });

  it('says how many digits are missing, and does not send an incomplete form', async () => {
    const fake = bridge();
    await open(fake);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('MAC address'), '0C1105');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect(screen.getByText(/a MAC address has 12 hex digits \(this has 6\)/)).toBeTruthy();
    expect(screen.getByText(/Give the device a name/)).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'devices.add')).toBe(false);
  });

  it('explains an unregistered MAC with the next step', async () => {
    const fake = bridge();
    fake.fail('devices.add', { code: 'SP_MAC_NOT_REGISTERED', message: 'MAC not registered', retryable: false });
    await open(fake);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('MAC address'), 'AABBCCDDEEFF');
    await user.type(screen.getByLabelText('Name'), 'Back door');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This MAC is not in the MAC library. Ask your Akuvox distributor to register it, then add it again.',
    );
    expect((screen.getByLabelText('MAC address') as HTMLInputElement).value).toBe('AABBCCDDEEFF');
  });

  it('puts a device in one apartment picked by search', async () => {
    const fake = bridge();
    fake.respond('devices.add', ({ device: d }) => ({ outcome: 'added', device: device({ id: 'dev-9', name: d.name, mac: d.mac, location: d.location }) }));
    await open(fake);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('MAC address'), '0C1105000004');
    await user.type(screen.getByLabelText('Name'), 'Kitchen monitor');
    await user.click(screen.getByRole('radio', { name: 'One apartment' }));
    await user.type(screen.getByLabelText('Find the apartment'), '104');
    await user.click(await screen.findByRole('button', { name: /Unit 104/ }));
    expect(screen.getByText('Unit 104', { selector: 'strong' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'devices.add')).toBeTruthy());
    expect((fake.calls.find((c) => c.channel === 'devices.add')?.input as { device: { location: unknown } }).device.location).toEqual({ scope: 'apartment', id: 'apt-3' });
  });

  it('offline, the addition is queued and shown as waiting', async () => {
    const fake = bridge();
    let list = deviceList();
    fake.respond('devices.list', () => list);
    fake.respond('devices.add', () => {
      list = deviceList({ outbox: [outboxItem({ device: { name: 'Garage gate', type: 50, mac: '0C1105000002', location: { scope: 'building' } } })] });
      return { outcome: 'queued', item: list.outbox[0]! };
    });
    await open(fake);
    act(() => fake.emit('app.onlineChanged', { online: false, since: AS_OF }));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Type'), '50');
    await user.type(screen.getByLabelText('MAC address'), '0C:11:05:00:00:02');
    await user.type(screen.getByLabelText('Name'), 'Garage gate');
    await user.click(screen.getByRole('radio', { name: 'Building 1' }));
    await user.click(screen.getByRole('button', { name: 'Queue device' }));
    expect(await screen.findByText('Garage gate is queued — it will be sent when back online.')).toBeTruthy();
    const item = screen.getByTestId('outbox-1');
    expect(within(item).getByText('Queued — will be sent when back online')).toBeTruthy();
    expect(within(item).getByText(/Access control terminal · 0C:11:05:00:00:02 · Building 1/)).toBeTruthy();
  });
});

describe('Outbox, edit and remove', () => {
  it('a failed addition shows why, with Retry and Discard', async () => {
    const failed = outboxItem({ status: 'failed', errorCode: 'SP_MAC_NOT_REGISTERED', error: 'not registered', attempts: 1 });
    const fake = bridge(deviceList({ outbox: [failed] }));
    fake.respond('devices.retry', () => ({ ...failed, status: 'queued' }));
    fake.respond('devices.discard', () => undefined);
    await open(fake);
    const item = screen.getByTestId('outbox-1');
    expect(within(item).getByRole('alert').textContent).toContain('Ask your Akuvox distributor to register it');
    const user = userEvent.setup();
    await user.click(within(item).getByRole('button', { name: 'Retry adding Garage gate' }));
    expect(fake.calls.find((c) => c.channel === 'devices.retry')?.input).toEqual({ id: 1 });
    await user.click(within(item).getByRole('button', { name: 'Discard Garage gate' }));
    expect(fake.calls.find((c) => c.channel === 'devices.discard')?.input).toEqual({ id: 1 });
  });

  it('follows outbox events from main: queued → sent', async () => {
    const fake = bridge(deviceList({ outbox: [outboxItem({ error: 'SmartPlus Cloud is not answering right now.' })] }));
    await open(fake);
    expect(screen.getByText('Queued — will be sent shortly')).toBeTruthy();
    expect(screen.getByText(/Last try: SmartPlus Cloud is not answering/)).toBeTruthy();
    fake.respond('devices.list', () => deviceList({ devices: [device(), device({ id: 'dev-2', name: 'Garage gate', mac: '0C1105000002' })], outbox: [outboxItem({ status: 'sent', deviceId: 'dev-2' })] }));
    act(() => fake.emit('devices.outboxChanged', outboxItem({ status: 'sent', deviceId: 'dev-2' })));
    expect(await screen.findByRole('rowheader', { name: 'Garage gate' })).toBeTruthy();
    expect(screen.queryByText(/Queued — will be sent/)).toBeNull();
  });

  it('removes a device only after confirmation', async () => {
    const fake = bridge();
    fake.respond('devices.remove', () => undefined);
    await open(fake);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Lobby door' }));
    expect(fake.calls.some((c) => c.channel === 'devices.remove')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Remove Lobby door' }));
    fake.respond('devices.list', () => deviceList({ devices: [] }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove Lobby door' }));
    expect(fake.calls.find((c) => c.channel === 'devices.remove')?.input).toEqual({ siteId: 'site-1', deviceId: 'dev-1' });
    expect(await screen.findByText('Lobby door was removed.')).toBeTruthy();
  });

  it('edits the name and location', async () => {
    const fake = bridge();
    fake.respond('devices.update', ({ patch }) => device({ name: patch.name, location: { scope: 'building', id: 'b1' } }));
    await open(fake);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit Lobby door' }));
    const form = screen.getByRole('form', { name: 'Edit Lobby door' });
    const name = within(form).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Main entrance');
    await user.click(within(form).getByRole('radio', { name: 'Building 1' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.calls.find((c) => c.channel === 'devices.update')?.input).toEqual({
      siteId: 'site-1',
      deviceId: 'dev-1',
      patch: { name: 'Main entrance', location: { scope: 'building' } },
    });
    expect(await screen.findByText('Main entrance was saved.')).toBeTruthy();
  });
});
