import type { DeviceLocation } from '../../../src-shared/domain/smartplus';

/** Where a device belongs, in words: "Public area", "Building 1" or "Unit 204". */
export function locationText(location: DeviceLocation, apartmentNames: Record<string, string>): string {
  if (location.scope === 'community') return 'Public area';
  if (location.scope === 'building') return 'Building 1';
  return `Unit ${location.id ? (apartmentNames[location.id] ?? location.id) : '?'}`;
}
