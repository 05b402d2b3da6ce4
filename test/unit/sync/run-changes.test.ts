import { describe, expect, it } from 'vitest';
import type { RunChange } from '../../../src-shared/domain/run-change';
import { runSiteSync } from '../../../src-main/sync/engine';
import { MemorySmartPlus } from '../../fakes/memory-smartplus';
import { MemoryRentManager } from '../../fakes/memory-stores';
import { dbWithSite } from '../db/fixtures';
import { contact, occupant, rm, site, tenant, units } from './fixtures/world';

// Issue 15: every run says what it did. The journal files one change per applied, failed or
// held-back operation: who, where, old → new (PINs masked), and the planner's reason; the PINs
// themselves only encrypted.
const day1 = () =>
  rm([
    tenant(1, { pin: '2468', rf: '0a1b', contacts: [contact(11, 1), occupant(12, 1)] }),
    tenant(2, { unit: 102, pin: '1357' }),
  ]);

const day2 = () =>
  rm([
    tenant(1, { pin: '8642', rf: '0a1b', contacts: [contact(11, 1, { email: 'new11@example.com' }), occupant(12, 1)] }),
    tenant(2, { unit: 102, pin: '1357', moveOut: '2026-06-01' }),
    tenant(4, { unit: 104, pin: '5555' }),
  ], { units: units([101, 102, 103, 104]) });

async function twoDays() {
  const local = await dbWithSite();
  const smartPlus = new MemorySmartPlus();
  const rentManager = new MemoryRentManager(day1());
  let n = 0;
  const sync = (today: string) =>
    runSiteSync({
      site: { id: 'site-1' }, config: site(), ports: { rentManager, smartPlus, journal: local.journal, runs: local.runs },
      trigger: 'manual', today, newRunId: () => `run-${++n}`, clock: () => new Date(`${today}T07:00:0${n}Z`),
    });
  const first = await sync('2026-06-01');
  rentManager.snapshot = day2();
  const second = await sync('2026-06-02');
  return { local, first, second, smartPlus };
}

const byAction = (changes: RunChange[], action: RunChange['action']) => changes.filter((c) => c.action === action);

describe('the run journal lists each change (issue 15)', () => {
  it('records a move-out, a PIN change, an e-mail change and a new unit with old → new values and reasons', async () => {
    const { local, second } = await twoDays();
    const changes = local.changes.ofRun(second.run.id);
    expect(changes.every((c) => c.status === 'applied' && c.siteId === 'site-1')).toBe(true);

    const [deleted] = byAction(changes, 'account-deleted');
    expect(deleted).toMatchObject({ person: 'First21 Last21 (tenant 2)', unit: 'Apt 102', tenantId: 2, contactId: 21, why: 'Moved out on 2026-06-01.' });
    expect(deleted!.before).toMatchObject({ firstName: 'First21', email: 'c21@example.com', hasPin: true });
    expect(deleted!.apartmentId).not.toBeNull();

    const [pin] = byAction(changes, 'pin-changed');
    expect(pin).toMatchObject({ person: 'First11 Last11 (tenant 1)', applicantType: 'Primary', why: 'New PIN in Rent Manager.', fields: [{ field: 'PIN', old: '••••', new: '••••' }], pinKept: true });

    const [updated] = byAction(changes, 'account-updated');
    expect(updated).toMatchObject({ contactId: 11, fields: [{ field: 'email', old: 'c11@example.com', new: 'new11@example.com' }], why: 'E-mail changed in Rent Manager.' });

    expect(byAction(changes, 'apartment-created')).toMatchObject([{ unit: 'Apt 104', why: 'New unit in Rent Manager.' }]);
    const [created] = byAction(changes, 'account-created');
    expect(created).toMatchObject({ person: 'First41 Last41 (tenant 4)', why: 'Moved in on 2026-01-01 (new unit).' });
    expect(created!.apartmentId).toBe(byAction(changes, 'apartment-created')[0]!.objectId);
    expect(byAction(changes, 'pin-set')).toMatchObject([{ contactId: 41, apartmentId: created!.apartmentId }]);
  });

  it('keeps the PINs only encrypted: readable for undo and reveal, absent from every stored row', async () => {
    const { local, second } = await twoDays();
    const raw = JSON.stringify([
      local.db.prepare('SELECT run_id, seq, site_id, at, status, action, target, search_text, json FROM run_changes').all(),
      local.db.prepare('SELECT * FROM journal').all(),
    ]);
    expect(raw).not.toMatch(/2468|8642|1357|5555/);
    const withSecrets = local.changes.ofRunWithSecrets(second.run.id);
    expect(withSecrets.find((c) => c.action === 'pin-changed')!.secret).toEqual({ pinBefore: '2468', pinAfter: '8642' });
    expect(withSecrets.find((c) => c.action === 'account-deleted')!.secret).toEqual({ pinBefore: '1357', pinAfter: null });
    const pinChange = withSecrets.find((c) => c.action === 'pin-changed')!;
    expect(local.changes.revealPin(second.run.id, pinChange.seq, 'before')).toBe('2468');
    // Ciphertext is bound to its row: copied onto another change it does not decrypt.
    const other = withSecrets.find((c) => c.action === 'account-updated')!;
    local.db.prepare('UPDATE run_changes SET secret_enc = (SELECT secret_enc FROM run_changes WHERE run_id = ? AND seq = ?) WHERE run_id = ? AND seq = ?')
      .run(second.run.id, pinChange.seq, second.run.id, other.seq);
    expect(() => local.changes.revealPin(second.run.id, other.seq, 'before')).toThrow(/cannot be decrypted/);
  });

  it('search across runs finds a deletion by name and by "access removed between dates"', async () => {
    const { local, second } = await twoDays();
    const byName = local.changes.search({ text: 'first21', accessRemoved: false, limit: 50 });
    expect(byName.changes.map((c) => [c.runId, c.action])).toEqual([[second.run.id, 'account-deleted'], ['run-1', 'pin-set'], ['run-1', 'account-created']]);
    const lostAccess = local.changes.search({ text: '', accessRemoved: true, from: '2026-06-02T00:00:00Z', to: '2026-06-03T00:00:00Z', limit: 50 });
    expect(lostAccess.changes.map((c) => [c.action, c.person])).toEqual([['account-deleted', 'First21 Last21 (tenant 2)']]);
    expect(local.changes.search({ text: '', accessRemoved: true, to: '2026-06-02T00:00:00Z', limit: 50 }).changes).toEqual([]);
    expect(local.changes.search({ text: 'new11@example', accessRemoved: false, limit: 50 }).changes.map((c) => c.action)).toEqual(['account-updated']);
    // By RF card: the card's own change, and the other changes to the account that holds it.
    const byCard = local.changes.search({ text: '0a1b', accessRemoved: false, limit: 50 }).changes;
    expect(byCard.map((c) => c.action)).toContain('rf-card-set');
    expect(byCard.every((c) => c.contactId === 11)).toBe(true);
    expect(local.changes.search({ text: '', accessRemoved: false, limit: 2 })).toMatchObject({ more: true });
  });

  it('an apartment history lists the changes made to it', async () => {
    const { local, second } = await twoDays();
    const deleted = local.changes.ofRun(second.run.id).find((c) => c.action === 'account-deleted')!;
    const history = local.changes.ofApartment('site-1', deleted.apartmentId!, 102);
    expect(history.map((c) => [c.runId, c.action])).toEqual([[second.run.id, 'account-deleted'], ['run-1', 'pin-set'], ['run-1', 'account-created'], ['run-1', 'apartment-created']]);
  });
});
