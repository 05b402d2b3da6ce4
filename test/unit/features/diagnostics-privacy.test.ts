import { describe, expect, it } from 'vitest';
import { PrivacyFilter } from '../../../src-main/features/diagnostics-privacy';

describe('PrivacyFilter', () => {
  it('replaces values under personal keys and redacts secret keys with the logger redactor', () => {
    const filter = new PrivacyFilter();
    const input = { tenantId: 920, firstName: 'Jane', email: 'jane@example.com', pin: '4711', field: 'pin', value: '4711', contacts: [{ name: 'X' }], note: null };
    filter.learn(input);
    expect(filter.clean(input)).toEqual({ tenantId: 920, firstName: '[personal]', email: '[personal]', pin: '[redacted]', field: 'pin', value: '[personal]', contacts: '[personal]', note: null });
  });

  it('scrubs learned names from free text, whole words only, in any case', () => {
    const filter = new PrivacyFilter();
    filter.learn({ subject: 'Maple Court / 101 / Jane Doe (tenant 920)' });
    filter.learn({ person: "Li Na O'Brien" });
    expect(filter.cleanText('belongs to JANE doe (tenant 921); Janet and Doerte stay; Maple Court stays')).toBe(
      'belongs to [personal] [personal] (tenant 921); Janet and Doerte stay; Maple Court stays',
    );
    expect(filter.cleanText("Li Na O'Brien moved; li na o'brien too")).toBe('[personal] moved; [personal] too');
  });

  it('learns secrets as secrets and scrubs them from text, with e-mails by pattern', () => {
    const filter = new PrivacyFilter();
    filter.learn({ password: 'Pw-7Q2x!zz', token: 'abc_def123', email: 'a.b@c.example' });
    expect(filter.cleanText('password Pw-7Q2x!zz, token abc_def123, mail a.b@c.example or x@y.org')).toBe(
      'password [redacted], token [redacted], mail [email] or [email]',
    );
  });

  it('keeps the run and site IDs the redactor would take for tokens', () => {
    const filter = new PrivacyFilter();
    const runId = '5d0c1a9e-3b7f-4c2e-9a61-0f2e8d7c6b5a';
    filter.keep(runId);
    expect(filter.clean({ runId, other: 'a1B2c3D4e5'.repeat(4) })).toEqual({ runId, other: '[redacted]' });
    expect(filter.cleanLogLine(`not json: run ${runId}`)).toBe(`not json: run ${runId}`);
  });

  it('stays fast with thousands of people', () => {
    const filter = new PrivacyFilter();
    const problems = Array.from({ length: 5000 }, (_, i) => ({ subject: `Person${i} Family${i % 300} (tenant ${i})`, reason: `belongs to Person${(i + 1) % 5000} Family${(i + 1) % 300}` }));
    filter.learn(problems);
    const started = performance.now();
    const cleaned = JSON.stringify(filter.clean(problems));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(cleaned).not.toMatch(/Person\d|Family\d/);
  });
});
