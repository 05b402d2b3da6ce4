import { describe, expect, it } from 'vitest';
import type { SyncOperation } from '../../../src-shared/domain/sync-plan';
import { failureProblem } from '../../../src-main/sync/apply/failure-problem';
import { errorFromResponse } from '../../../src-main/smartplus/errors';

// Issue 13: "a tenant with an invalid e-mail" says which tenant and which value; a PIN never appears.
const display = { propertyId: 1, property: 'Maple Court', unitId: 101, unit: 'Apt 101', tenantId: 920, contactId: 9981, person: 'Jane Doe (tenant 920)' };
const base = { communityRef: 'c', target: 't', display };
const refusal = (field: string, reason: string) => errorFromResponse(422, { error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid.', details: [{ field, reason }] } });
const shape = (e: Error & { code: string }) => ({ code: e.code, message: e.message });

describe('the problem line of a SmartPlus 422', () => {
  it('names the field, the value sent and the person', () => {
    const op: SyncOperation = { ...base, id: 'create', kind: 'create-family-member', apartmentTarget: 'a', firstName: 'Jane', lastName: 'Doe', email: 'jane@@example', phone: null, access: 'default-group' } as SyncOperation;
    const error = refusal('email', 'Invalid email address');
    const line = failureProblem(op, shape(error), error);
    expect(line).toMatchObject({ kind: 'operation-failed', field: 'email', value: 'jane@@example', tenantId: 920, contactId: 9981 });
    expect(line.reason).toBe('create-family-member failed (SP_VALIDATION_FAILED): SmartPlus refused the email "jane@@example" of Jane Doe (tenant 920) (Invalid email address). Correct it in Rent Manager; the next sync tries again.');
  });

  it('reads the value of an update from its changes', () => {
    const op = { ...base, id: 'update', kind: 'update-family-member', residentId: 'r1', changes: { phone: '+1 (555) 12' } } as unknown as SyncOperation;
    const error = refusal('phone', 'not a phone number');
    expect(failureProblem(op, shape(error), error)).toMatchObject({ field: 'phone', value: '+1 (555) 12' });
  });

  it('never prints a PIN or a card, not even when the server repeats it', () => {
    const op = { ...base, id: 'pin', kind: 'set-pin', residentId: 'r1', pin: '48213' } as SyncOperation;
    const error = refusal('pin', 'PIN 48213 is not allowed');
    const line = failureProblem(op, { code: 'SP_VALIDATION_FAILED', message: 'SmartPlus refused the PIN (SP_VALIDATION_FAILED)' }, error);
    expect(line.field).toBe('pin');
    expect(line.value).toBeNull();
    expect(JSON.stringify(line)).not.toContain('48213');
    const cards = { ...base, id: 'rf', kind: 'set-rf-cards', residentId: 'r1', cards: ['0A1B2C3D'] } as SyncOperation;
    const cardError = refusal('cards.0', 'an RF card has 1 to 16 characters 0-9 or A-F');
    expect(JSON.stringify(failureProblem(cards, shape(cardError), cardError))).not.toContain('0A1B2C3D');
  });

  it('other failures keep the line they had', () => {
    const op = { ...base, id: 'del', kind: 'delete-family-member', residentId: 'r1', reason: 'moved out' } as SyncOperation;
    const error = errorFromResponse(503, { error: { code: 'UNAVAILABLE', message: 'down' } });
    expect(failureProblem(op, shape(error), error)).toMatchObject({ field: 'delete-family-member', value: null, subject: 'Maple Court / Apt 101 / Jane Doe (tenant 920)' });
  });
});
