import PQueue from 'p-queue';
import type { ApplyPhase, SyncOperation } from '../../../src-shared/domain/sync-plan';

/** Where an operation runs (see releaseOrder in ../apply.ts). */
export type Placement = (op: SyncOperation) => { phase: ApplyPhase; wave: number };

/**
 * What each operation waits for: the objects it needs, not a whole phase (issue 13).
 * - An object's create comes before anything on or in it: a community's create before its
 *   apartments and members, an apartment's before its members, a member's before its PIN and cards.
 * - Every credential release (removals, and deletions that free a value the plan sets elsewhere:
 *   credentials wave 0) comes before every credential set (wave 1), as on main, so a value
 *   always leaves its old holder before SmartPlus is asked to give it to someone else.
 * - Deletions (phase "deletions") come after every other operation, as on main: they run last and
 *   the creates they make room for are retried after them.
 * Returns, per operation ID, the IDs it waits for.
 */
export function dependencies(operations: readonly SyncOperation[], placeOf: Placement): Map<string, string[]> {
  const creates = new Map<string, string>();
  for (const op of operations) if (op.kind === 'create-community' || op.kind === 'create-apartment' || op.kind === 'create-family-member') creates.set(op.target, op.id);
  const releases: string[] = [];
  const rest: string[] = [];
  for (const op of operations) {
    const place = placeOf(op);
    if (place.phase === 'credentials' && place.wave === 0) releases.push(op.id);
    if (place.phase !== 'deletions') rest.push(op.id);
  }
  const out = new Map<string, string[]>();
  for (const op of operations) {
    const place = placeOf(op);
    const needs = new Set<string>();
    const need = (target: string) => {
      const id = creates.get(target);
      if (id !== undefined && id !== op.id) needs.add(id);
    };
    need(op.communityRef);
    if (op.kind === 'create-family-member') need(op.apartmentTarget);
    if (op.kind === 'set-pin' || op.kind === 'set-rf-cards') need(op.target);
    if (place.phase === 'credentials' && place.wave === 1) for (const id of releases) needs.add(id);
    if (place.phase === 'deletions') for (const id of rest) needs.add(id);
    out.set(op.id, [...needs]);
  }
  return out;
}

/** How deep an operation sits in its chain: deeper work goes first once ready, so an apartment's members and credentials start right after it exists. */
function depthOf(op: SyncOperation): number {
  switch (op.kind) {
    case 'create-community':
    case 'update-community':
      return 0;
    case 'create-apartment':
    case 'update-apartment':
      return 1;
    case 'create-family-member':
    case 'update-family-member':
      return 2;
    default:
      return 3;
  }
}

/**
 * Runs `task` for every operation as soon as all it waits for have finished (whatever their
 * outcome: a dependant of a failed create finds its object missing and is skipped), at most
 * `concurrency` at a time (a number, or read again after every operation), deeper operations first among those ready (p-queue priorities).
 * The dependency counting is the only hand-written part: p-queue has no notion of dependencies.
 */
export async function runByDependencies(
  operations: readonly SyncOperation[],
  waitsFor: ReadonlyMap<string, readonly string[]>,
  concurrency: number | (() => number),
  task: (op: SyncOperation) => Promise<void>,
): Promise<void> {
  const limit = () => {
    const n = typeof concurrency === 'number' ? concurrency : concurrency();
    return Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1;
  };
  const queue = new PQueue({ concurrency: limit() });
  const byId = new Map(operations.map((op) => [op.id, op]));
  const waiting = new Map<string, number>();
  const dependants = new Map<string, string[]>();
  for (const op of operations) {
    const needs = (waitsFor.get(op.id) ?? []).filter((id) => byId.has(id));
    waiting.set(op.id, needs.length);
    for (const id of needs) dependants.set(id, [...(dependants.get(id) ?? []), op.id]);
  }
  let failure: unknown = null;
  const start = (op: SyncOperation) => {
    void queue
      .add(async () => {
        try {
          await task(op);
        } finally {
          queue.concurrency = limit();
          for (const id of dependants.get(op.id) ?? []) {
            const left = waiting.get(id)! - 1;
            waiting.set(id, left);
            if (left === 0) start(byId.get(id)!);
          }
        }
      }, { priority: depthOf(op) })
      .catch((error: unknown) => void (failure ??= error));
  };
  for (const op of operations) if (waiting.get(op.id) === 0) start(op);
  await queue.onIdle();
  if (failure) throw failure;
  const stuck = [...waiting].filter(([, n]) => n > 0);
  if (stuck.length) throw new Error(`apply: ${stuck.length} operations wait on each other (dependency cycle), first ${stuck[0]![0]}`);
}
