import { afterAll, beforeAll } from 'vitest';
import { type CliWorld, startCliWorld } from './cli-harness';

/** Starts both sandboxes before this file's tests and stops them after; call the result for the world. */
export function cliWorldForFile(...args: Parameters<typeof startCliWorld>): () => CliWorld {
  let world: CliWorld | undefined;
  beforeAll(async () => {
    world = await startCliWorld(...args);
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('The CLI world is not started yet: use it inside a test or hook.');
    return world;
  };
}
