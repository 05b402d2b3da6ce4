import fs from 'node:fs';
import { type SiteConfig, SiteConfigSchema } from '../../src-shared/domain/policy';
import { UsageError } from './cli-error';
import { findDuplicateKey } from './strict-json';

/** The largest site configuration file read (a real one is a few hundred bytes; a Custom list of 20,000 units is ~140 KB). */
export const MAX_SITE_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads and validates a site configuration file; every problem becomes one clear usage error.
 * A UTF-8 byte-order mark (Windows editors add one) is accepted; a repeated key is an error
 * naming it (never "the last one wins"); anything but a regular file of at most
 * {@link MAX_SITE_CONFIG_BYTES} is refused before it is read (a FIFO would block forever).
 */
export function readSiteConfig(file: string): SiteConfig {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`The site configuration ${file} is not a regular file (a folder, FIFO or device). Point --site-config to a JSON file.`);
    if (stat.size > MAX_SITE_CONFIG_BYTES) throw new UsageError(`The site configuration ${file} is larger than ${MAX_SITE_CONFIG_BYTES / 1024} KB; a site configuration is a small JSON file.`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read the site configuration file ${file}.`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    throw new UsageError(`${file} names the key "${duplicate.key}" twice${duplicate.path ? ` (in ${duplicate.path})` : ''}. Keep one: SiteSync does not guess which one you meant.`);
  }
  const parsed = SiteConfigSchema.strict().safeParse(json);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UsageError(`${file} is not a valid site configuration:\n  ${reasons.join('\n  ')}`);
  }
  return parsed.data;
}
