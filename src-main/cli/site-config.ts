import fs from 'node:fs';
import { type SiteConfig, SiteConfigSchema } from '../../src-shared/domain/policy';
import { UsageError } from './cli-error';

/** Reads and validates a site configuration file; every problem becomes one clear usage error. */
export function readSiteConfig(file: string): SiteConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the site configuration file ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = SiteConfigSchema.strict().safeParse(json);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UsageError(`${file} is not a valid site configuration:\n  ${reasons.join('\n  ')}`);
  }
  return parsed.data;
}
