import { describe, expect, it } from 'vitest';
import { mainAccountLabel, unitWords } from '../../../src-renderer/lib/main-account';

const jane = { firstName: 'Jane', lastName: 'Doe', applicantType: 'Primary' };
const kid = { firstName: 'Sam', lastName: 'Doe', applicantType: 'Occupant' };

describe('the main account label (issue 16)', () => {
  it('names a main account called after its unit "Unit 106 (main account)", with the primary tenant', () => {
    expect(mainAccountLabel({ firstName: '106', lastName: '' }, '106', [kid, jane])).toEqual({ title: 'Unit 106 (main account)', primaryTenant: 'Jane Doe' });
    expect(mainAccountLabel({ firstName: 'Unit', lastName: '106' }, '106', [kid])).toEqual({ title: 'Unit 106 (main account)', primaryTenant: null });
    expect(mainAccountLabel({ firstName: '', lastName: '' }, 'Apt 4B', [])).toEqual({ title: 'Apt 4B (main account)', primaryTenant: null });
  });

  it('keeps a name someone gave the main account in SmartPlus', () => {
    expect(mainAccountLabel({ firstName: 'Front', lastName: 'Desk' }, '106', [jane]).title).toBe('Front Desk');
  });

  it('says "Unit" once', () => {
    expect(unitWords('106')).toBe('Unit 106');
    expect(unitWords('Unit 7')).toBe('Unit 7');
    expect(unitWords('Apt. 3')).toBe('Apt. 3');
  });
});
