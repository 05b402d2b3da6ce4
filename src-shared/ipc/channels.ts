/**
 * IPC channel names — the only module the preload imports (it is bundled alone into a
 * sandboxed renderer). Calls are `domain.verbNoun`; events are past tense. Every name here has
 * zod schemas in contract.ts (a test proves the two lists match).
 */
export const INVOKE_CHANNELS = [
  'app.getInfo',
  'app.setTheme',
  'app.log',
  'app.ping',
  'app.getStartupNotices',
  'app.dismissStartupNotice',
  'app.retryKeychain',
  'app.getSandboxHints',
  'sites.list',
  'sites.listCustomers',
  'sites.listProperties',
  'sites.listUnits',
  'sites.preview',
  'sites.import',
  'sites.cancelImport',
  'sites.updatePolicy',
  'sites.listFields',
  'sites.listFieldSamples',
  'sites.removeSite',
  'sites.pause',
  'sites.resume',
  'sites.listPropertyChanges',
  'sites.dismissNewProperties',
  'sites.listAccounts',
  'sites.listCommunities',
  'sites.previewAdoption',
  'settings.get',
  'settings.saveSchedule',
  'settings.previewSchedule',
  'settings.resetSandbox',
  'background.getSettings',
  'background.saveSettings',
  'settings.getMaxRequestsInFlight',
  'settings.saveMaxRequestsInFlight',
  'connections.list',
  'connections.saveRentManager',
  'connections.saveSmartPlus',
  'connections.listLocations',
  'connections.test',
  'connections.remove',
  'connections.listCommunities',
  'billing.getStatus',
  'billing.getPrices',
  'billing.listAccounts',
  'billing.pay',
  'billing.payApartments',
  'billing.listReceipts',
  'billing.listApartmentChoices',
  'apartments.list',
  'apartments.get',
  'apartments.revealPin',
  'apartments.addToSync',
  'apartments.searchResidents',
  'devices.list',
  'devices.add',
  'devices.update',
  'devices.remove',
  'devices.getOutbox',
  'devices.retry',
  'devices.discard',
  'sync.runSite',
  'sync.runAll',
  'sync.cancel',
  'sync.listRunning',
  'overview.get',
  'runs.list',
  'runs.get',
  'runs.listProblems',
  'runs.exportCsv',
  'runs.confirmHeldBack',
  'runs.keepHeldBack',
  'runs.preview',
  'diagnostics.saveReport',
  'diagnostics.showFolder',
  'history.getRange',
  'runs.listChanges',
  'runs.searchChanges',
  'runs.revealChangePin',
  'runs.previewUndo',
  'runs.undo',
  'runs.resumeSchedule',
] as const;

/** Events main sends to the renderer. */
export const EVENT_CHANNELS = [
  'app.commandIssued',
  'app.onlineChanged',
  'app.navigated',
  'app.pinged',
  'app.startupNoticesChanged',
  'sync.progressed',
  'sync.finished',
  'sync.resyncedAll',
  'devices.outboxChanged',
  'connections.changed',
  'billing.statusChanged',
] as const;

/** A call channel name. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
/** An event channel name. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** True when `name` is a known call channel (the preload's allowlist check). */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

/** True when `name` is a known event channel. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}
