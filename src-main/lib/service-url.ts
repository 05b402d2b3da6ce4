import { AppError } from '../../src-shared/errors';
import { serviceUrlProblem } from '../../src-shared/rules/service-url';

/**
 * Refuses to build a client for an address a secret may not travel to (plain http off this
 * computer, user info in the URL): the same rule as the IPC and CLI schemas
 * (src-shared/rules/service-url.ts), checked again where the request is made.
 */
export function assertServiceUrl(baseUrl: string, service: 'Rent Manager' | 'SmartPlus'): void {
  const problem = serviceUrlProblem(baseUrl);
  if (problem) throw new AppError('BAD_INPUT', `The ${service} address is not allowed: ${problem}.`, { details: { nextStep: `Correct the ${service} server address.` } });
}
