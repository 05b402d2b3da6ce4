import { describe, expect, it } from 'vitest';
import { agree, plural } from '../../../src-shared/text/plural';

describe('plural (issue 16: "1 problem", never "problem(s)")', () => {
  it('uses the singular for exactly one and the plural otherwise, irregular forms included', () => {
    expect(plural(1, 'apartment')).toBe('1 apartment');
    expect(plural(2, 'apartment')).toBe('2 apartments');
    expect(plural(0, 'problem')).toBe('0 problems');
    expect(plural(1, 'unit gets a new apartment', 'units get new apartments')).toBe('1 unit gets a new apartment');
    expect(plural(3, 'unit gets a new apartment', 'units get new apartments')).toBe('3 units get new apartments');
  });

  it('picks the verb that agrees with the count', () => {
    expect(`${plural(1, 'device')} ${agree(1, 'is', 'are')} bound`).toBe('1 device is bound');
    expect(`${plural(4, 'device')} ${agree(4, 'is', 'are')} bound`).toBe('4 devices are bound');
    expect(agree(0, 'was', 'were')).toBe('were');
  });
});
