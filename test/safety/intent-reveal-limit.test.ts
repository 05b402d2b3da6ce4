import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { bindIpc } from '../../src-main/app/ipc-electron';
import type { ApartmentsService } from '../../src-main/features/apartments-service';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createApartmentsHandlers } from '../../src-main/ipc/handlers/apartments-handlers';
import { createIntentChecks, PIN_REVEALS_PER_MINUTE } from '../../src-main/ipc/intent';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { transportTestHandlers } from '../unit/helpers/handler-map';

// Issue 12, "intent checks live in main": PIN reveals are rate-limited in main — 10 a minute per
// window — so a compromised renderer cannot dump every PIN of a building in a loop. Before, the
// only limit was the renderer's own button.

/** An apartments service whose reveal answers a PIN and counts how often main really revealed. */
function fakeApartments() {
  const revealed: string[] = [];
  const service = {
    revealPin: (residentId: string) => {
      revealed.push(residentId);
      return { pin: '48213' };
    },
  } as unknown as ApartmentsService;
  return { service, revealed };
}

function rig() {
  let now = new Date('2026-12-02T15:30:00.000Z');
  const { service, revealed } = fakeApartments();
  const handlers = transportTestHandlers(createApartmentsHandlers(service, createIntentChecks({ now: () => now })));
  const reveal = (residentId: string, sender?: string) => dispatch(handlers, 'apartments.revealPin', { residentId }, undefined, sender ? { sender } : {});
  return { handlers, reveal, revealed, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('PIN reveals are rate-limited in main (handler)', () => {
  it(`${PIN_REVEALS_PER_MINUTE} reveals a minute pass; the next is RATE_LIMITED with when to retry, and reveals nothing`, async () => {
    const r = rig();
    for (let i = 0; i < 10; i++) expect((await r.reveal(`res-${i}`, 'webcontents:1')).ok).toBe(true);
    r.advance(18_000);
    const refused = await r.reveal('res-10', 'webcontents:1');
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many PIN reveals: at most 10 a minute. Try again in 42 seconds.',
        retryable: true,
        details: { retryAt: '2026-12-02T15:31:00.000Z', retryAfterMs: 42_000 },
      },
    });
    expect(r.revealed).toHaveLength(10);
    expect(JSON.stringify(refused)).not.toContain('48213');
  });

  it('a minute after the first reveal the window may reveal again', async () => {
    const r = rig();
    for (let i = 0; i < 10; i++) await r.reveal(`res-${i}`, 'webcontents:1');
    r.advance(59_999);
    expect((await r.reveal('x', 'webcontents:1')).ok).toBe(false);
    r.advance(1);
    expect((await r.reveal('x', 'webcontents:1')).ok).toBe(true);
  });

  it('hammering while limited does not extend the wait', async () => {
    const r = rig();
    for (let i = 0; i < 10; i++) await r.reveal(`res-${i}`, 'webcontents:1');
    for (let i = 0; i < 100; i++) {
      r.advance(500);
      await r.reveal('spam', 'webcontents:1');
    }
    r.advance(10_000);
    expect((await r.reveal('after', 'webcontents:1')).ok).toBe(true);
    expect(r.revealed.filter((id) => id === 'spam')).toEqual([]);
  });

  it('each window has its own budget; calls without a window share one', async () => {
    const r = rig();
    for (let i = 0; i < 10; i++) await r.reveal(`a-${i}`, 'webcontents:1');
    expect((await r.reveal('b-0', 'webcontents:2')).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect((await r.reveal(`c-${i}`)).ok).toBe(true);
    expect((await r.reveal('c-10')).ok).toBe(false);
  });
});

describe('PIN reveals are rate-limited per window through the Electron binding', () => {
  it('the window is named by the transport (event.sender), not by anything the page sends', async () => {
    const r = rig();
    const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    bindIpc({ handle: (channel: string, fn: never) => void registered.set(channel, fn) } as never, r.handlers, { log: createLogger(memorySink()) });
    const fromWindow = (id: number) => ({ senderFrame: { url: 'app://sitesync/index.html', parent: null }, sender: { id } }) as unknown as IpcMainInvokeEvent;
    const reveal = registered.get('apartments.revealPin')!;
    for (let i = 0; i < 10; i++) expect(await reveal(fromWindow(7), { residentId: `r-${i}` })).toMatchObject({ ok: true });
    // Extra fields in the payload (a forged "sender") are not part of the contract and change nothing.
    expect(await reveal(fromWindow(7), { residentId: 'r-10', sender: 'webcontents:8' })).toMatchObject({ ok: false });
    expect(await reveal(fromWindow(7), { residentId: 'r-11' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await reveal(fromWindow(8), { residentId: 'r-12' })).toMatchObject({ ok: true, value: { pin: '48213' } });
  });
});
