import { isAppError } from '../../src-shared/errors';
import type { AppContext } from '../composition/app-context';

/**
 * Runs a network call and tells the context what it proved: an answer (even an error answer
 * from the server) means online, OFFLINE means offline; timeouts say nothing either way.
 */
export async function trackNetwork<T>(ctx: AppContext, call: () => Promise<T>): Promise<T> {
  try {
    const value = await call();
    ctx.reportNetwork(true);
    return value;
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'OFFLINE') ctx.reportNetwork(false);
      else if (!error.retryable && error.code !== 'CANCELLED' && error.code !== 'INTERNAL') ctx.reportNetwork(true);
    }
    throw error;
  }
}
