import type { Migration } from '../migrate';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-held-back';
import { migration0003 } from './0003-run-lock';
import { migration0004 } from './0004-site-adoption';
import { migration0005 } from './0005-run-changes';
import { migration0006 } from './0006-site-pause';
import { migration0007 } from './0007-site-smartplus-account';
import { migration0008 } from './0008-resident-leases';
import { migration0009 } from './0009-receipt-account';

/** Every migration, in order. Add new ones as `NNNN-name.ts` and append them here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];
