/** The embedded SmartPlus Cloud sandbox: start it, then point a client at `url`. */
export { startSmartPlusSandbox, SANDBOX_USERNAME, SANDBOX_PASSWORD, type SmartPlusSandbox, type SmartPlusSandboxOptions } from './server';
export type { FaultConfig, SandboxCounters, SmartPlusSandboxAdmin } from './admin';
export { PRESET_MACS } from './state';
export { SANDBOX_PRICES, DECLINING_TEST_CARD } from './routes-billing';
