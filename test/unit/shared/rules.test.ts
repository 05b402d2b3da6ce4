import { describe, expect, it } from 'vitest';
import { cardBrand, checkCardNumber, checkExpiry, checkSecurityCode, groupCardNumber, luhnValid } from '../../../src-shared/rules/card';
import { checkMac, formatMac } from '../../../src-shared/rules/mac';
import { checkPin, maskPin } from '../../../src-shared/rules/pin';
import { checkRfCard } from '../../../src-shared/rules/rf-card';

describe('PIN (spec §4)', () => {
  it.each([
    ['12', true], ['1234', true], ['12345678', true], [' 4821 ', true], ['0123', true],
    ['1', false], ['123456789', false], ['9123', false], ['12a4', false], ['', false], ['12.0', false], ['-123', false],
  ])('%j valid=%s', (pin, valid) => expect(checkPin(pin).ok).toBe(valid));

  it('warns about PINs the SmartPlus app refuses, without failing them', () => {
    const short = checkPin('12');
    const same = checkPin('1111');
    expect(short.ok && short.warnings.length).toBe(1);
    expect(same.ok && same.warnings[0]).toMatch(/repeated/);
    const fine = checkPin('4821');
    expect(fine.ok && fine.warnings).toEqual([]);
  });

  it('masks PINs completely', () => {
    expect(maskPin('4821')).not.toContain('4821');
    expect(maskPin(null)).toBe('');
  });
});

describe('RF card (spec §4)', () => {
  it.each([
    ['0A1B2C3D', '0A1B2C3D'], ['0a1b2c3d', '0A1B2C3D'], ['  ff  ', 'FF'], ['1', '1'], ['0123456789ABCDEF', '0123456789ABCDEF'],
  ])('%j → %s', (raw, value) => expect(checkRfCard(raw)).toEqual({ ok: true, value, warnings: [] }));
  it.each(['', '0123456789ABCDEF0', '12G4', '12 34', '0x12'])('%j is invalid', (raw) => expect(checkRfCard(raw).ok).toBe(false));
});

describe('MAC (spec §10)', () => {
  it.each([
    ['0c1105aabbcc', '0C1105AABBCC'], ['0C:11:05:AA:BB:CC', '0C1105AABBCC'], ['0c-11-05-aa-bb-cc', '0C1105AABBCC'],
  ])('%j → %s', (raw, value) => expect(checkMac(raw)).toMatchObject({ ok: true, value }));
  it.each(['0C:11:05:AA:BB', '0C:11-05:AA:BB:CC', '0C1105AABBCG', '0C11:05AABBCC', ''])('%j is invalid', (raw) => expect(checkMac(raw).ok).toBe(false));
  it('formats for display', () => expect(formatMac('0C1105AABBCC')).toBe('0C:11:05:AA:BB:CC'));
});

describe('payment card (spec §7)', () => {
  it('Luhn', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4000000000000002')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
  });
  it('brand and grouping', () => {
    expect(cardBrand('4242')).toBe('visa');
    expect(cardBrand('5555 5555')).toBe('mastercard');
    expect(cardBrand('3782')).toBe('amex');
    expect(groupCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(groupCardNumber('378282246310005')).toBe('3782 822463 10005');
  });
  it('number, expiry, code', () => {
    expect(checkCardNumber('4242 4242 4242 4242')).toMatchObject({ ok: true, value: '4242424242424242' });
    expect(checkCardNumber('4242 4242 4242 4241').ok).toBe(false);
    const today = { year: 2026, month: 11 };
    expect(checkExpiry(11, 26, today).ok).toBe(true);
    expect(checkExpiry(10, 2026, today)).toEqual({ ok: false, reason: 'this card has expired' });
    expect(checkExpiry(13, 2027, today).ok).toBe(false);
    expect(checkSecurityCode('123').ok).toBe(true);
    expect(checkSecurityCode('1234').ok).toBe(true);
    expect(checkSecurityCode('12').ok).toBe(false);
  });
});

describe('service addresses (connections contract)', () => {
  it('takes https anywhere, plain http only to this computer', async () => {
    const { RmLocationsRequestSchema } = await import('../../../src-shared/ipc/contract/connections');
    const ok = (u: string) => RmLocationsRequestSchema.shape.baseUrl.safeParse(u).success;
    expect(['https://acme.api.rentmanager.com', 'http://127.0.0.1:4000', 'http://localhost:1/x', 'http://[::1]:80'].map(ok)).toEqual([true, true, true, true]);
    expect(['http://acme.api.rentmanager.com', 'http://evil@127.0.0.1.evil.com/', 'ftp://127.0.0.1/'].map(ok)).toEqual([false, false, false]);
  });
});
