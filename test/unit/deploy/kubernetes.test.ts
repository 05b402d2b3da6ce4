import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml is already in the lockfile (a dependency of the toolchain); no new package for a test.
const yaml = createRequire(import.meta.url)('js-yaml') as { safeLoadAll(text: string): unknown[] };

const root = path.resolve(import.meta.dirname, '../../..');
const dir = path.join(root, 'deploy/kubernetes');

/** A loosely typed manifest: tests read the fields they check. */
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown>; stringData?: Record<string, string> };
type PodSpec = {
  restartPolicy: string;
  securityContext: { runAsNonRoot: boolean; runAsUser: number };
  containers: {
    args: string[];
    envFrom: { secretRef: { name: string } }[];
    env: { name: string; value: string }[];
    volumeMounts: { name: string; mountPath: string }[];
    securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
  }[];
  volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[];
};

const manifests: Manifest[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => yaml.safeLoadAll(fs.readFileSync(path.join(dir, f), 'utf8')) as Manifest[]);
const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);

describe('deploy/kubernetes', () => {
  it('every file parses as YAML into Kubernetes objects', () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(['CronJob', 'Job', 'PersistentVolumeClaim', 'Secret']);
    for (const m of manifests) {
      expect(m.apiVersion).toMatch(/^(v1|batch\/v1)$/);
      expect(m.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
    expect(() => yaml.safeLoadAll('a: [1, 2\nb: }')).toThrow();
  });

  it('the CronJob runs run-due daily at 07:00 UTC, never two at once', () => {
    const [cron] = byKind('CronJob');
    const spec = cron!.spec as { schedule: string; timeZone: string; concurrencyPolicy: string; jobTemplate: { spec: { template: { spec: PodSpec } } } };
    expect(spec.schedule).toBe('0 7 * * *');
    expect(spec.timeZone).toBe('Etc/UTC');
    expect(spec.concurrencyPolicy).toBe('Forbid');
    const pod = spec.jobTemplate.spec.template.spec;
    expect(pod.containers[0]!.args[0]).toBe('run-due');
    expect(pod.restartPolicy).toBe('Never');
  });

  it.each(['CronJob', 'Job'])('the %s takes credentials from the Secret, keeps state on the claim at SITESYNC_HOME, and runs as non-root', (kind) => {
    const [obj] = byKind(kind);
    const template = kind === 'CronJob' ? (obj!.spec as { jobTemplate: { spec: { template: { spec: PodSpec } } } }).jobTemplate.spec : (obj!.spec as { template: { spec: PodSpec } });
    const pod = template.template.spec;
    const [container] = pod.containers;
    expect(container!.envFrom.map((e) => e.secretRef.name)).toEqual([byKind('Secret')[0]!.metadata.name]);
    const home = container!.env.find((e) => e.name === 'SITESYNC_HOME')!.value;
    const stateVolume = pod.volumes.find((v) => v.persistentVolumeClaim)!;
    expect(stateVolume.persistentVolumeClaim!.claimName).toBe(byKind('PersistentVolumeClaim')[0]!.metadata.name);
    expect(container!.volumeMounts.find((m) => m.name === stateVolume.name)!.mountPath).toBe(home);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container!.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('the Secret\u2019s keys are the CLI\u2019s own environment variables', () => {
    const cliEnv = fs.readFileSync(path.join(root, 'src-main/cli/env.ts'), 'utf8');
    const keys = Object.keys(byKind('Secret')[0]!.stringData!);
    expect(keys.length).toBeGreaterThanOrEqual(8);
    for (const key of keys) expect(cliEnv, key).toContain(key);
  });
});
