/**
 * The time zone most of a US state keeps (a few states span two; the installer can change it),
 * by postal abbreviation — the wizard's suggestion from a property's address (issue 16).
 */
const STATE_ZONES: Readonly<Record<string, string>> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles',
  CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York',
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago',
  OH: 'America/New_York', OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver',
  VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles', WV: 'America/New_York', WI: 'America/Chicago',
  WY: 'America/Denver', PR: 'America/Puerto_Rico',
};

/** The state of a US address ("1 Maple Ave, Knoxville, TN 37902" → "TN"), or null. */
export function stateOfAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const match = /\b([A-Z]{2})\b[,\s]*(?:\d{5}(?:-\d{4})?)?\s*$/.exec(address.trim());
  return match && STATE_ZONES[match[1]!] ? match[1]! : null;
}

/** The suggested time zone for a US address, with the state it came from; null when the address names no state. */
export function suggestTimeZone(address: string | null | undefined): { zone: string; state: string } | null {
  const state = stateOfAddress(address);
  return state ? { zone: STATE_ZONES[state]!, state } : null;
}
