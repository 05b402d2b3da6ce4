import type { ConnectionsService } from '../../features/connections-service';
import type { HandlerMap } from '../dispatch';

type ConnectionsHandlers = Pick<
  HandlerMap,
  'connections.list' | 'connections.saveRentManager' | 'connections.saveSmartPlus' | 'connections.listLocations' | 'connections.test' | 'connections.remove' | 'connections.listCommunities'
>;

/** Handlers of the `connections.*` channels: secrets arrive here and go to the keychain; only summaries go back. */
export function createConnectionsHandlers(feature: ConnectionsService): ConnectionsHandlers {
  return {
    'connections.list': () => feature.list(),
    'connections.saveRentManager': (input) => feature.saveRentManager(input),
    'connections.saveSmartPlus': (input) => feature.saveSmartPlus(input),
    'connections.listLocations': (input) => feature.locations(input),
    'connections.test': ({ id }) => feature.test(id),
    'connections.remove': async ({ id }) => ({ removed: await feature.remove(id) }),
    'connections.listCommunities': ({ accountId }) => feature.listCommunities(accountId),
  };
}
