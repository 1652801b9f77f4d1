/**
 * Static-tier check of the Helm chart: `helm lint` with the default, local and production values, then every object
 * `helm template` renders (and each object of the plain manifests in deploy/kind/) is validated against the Kubernetes JSON schemas of the `kubernetes-models` packages (API
 * 1.3x, plus KEDA and prometheus-operator for the custom resources). Exit code 1 on any problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../start/paths';
import { CHART_DIR, helm, PRODUCTION_VALUES, renderChart, type K8sObject } from './chart';

/** Plain manifests beside the chart (the local walk-through's stand-in services), validated the same way. */
const MANIFESTS = ['deploy/kind/dependencies.yaml'];

/** Value sets the chart must accept: production, and a local cluster (chart-made Secret, no KEDA). */
export const VALUE_SETS: { name: string; files: string[]; set: string[] }[] = [
  { name: 'production', files: [PRODUCTION_VALUES], set: [] },
  { name: 'local', files: [path.join(CHART_DIR, 'values.local.yaml')], set: [] },
];

/** The module of kubernetes-models (or an add-on) that holds an apiVersion's classes. */
function modelModule(apiVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === 'keda.sh') return `@kubernetes-models/keda/keda.sh/${version}`;
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`;
  return group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
}

type Model = new (data: unknown) => { validate(): void };

/** Problems of one object against its schema (an unknown apiVersion/kind is a problem too). */
export async function schemaProblems(object: K8sObject): Promise<string[]> {
  const where = `${object.kind ?? '?'} ${object.metadata?.name ?? '?'}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(modelModule(object.apiVersion))) as Record<string, unknown>;
  } catch {
    return [`${where}: no schema for apiVersion ${object.apiVersion}`];
  }
  const Kind = mod[object.kind] as Model | undefined;
  if (!Kind) return [`${where}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Kind(object).validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

async function main(): Promise<void> {
  let problems = 0;
  for (const values of VALUE_SETS) {
    const args = ['lint', '--strict', ...values.files.flatMap((f) => ['-f', f]), ...values.set.flatMap((s) => ['--set', s])];
    try {
      await helm(args);
      process.stdout.write(`helm lint (${values.name} values): ok\n`);
    } catch (error) {
      problems++;
      process.stdout.write(`${(error as Error).message}\n`);
      continue;
    }
    const objects = await renderChart(values.files, values.set);
    for (const object of objects) {
      for (const problem of await schemaProblems(object)) {
        problems++;
        process.stdout.write(`schema (${values.name} values): ${problem}\n`);
      }
    }
    process.stdout.write(`schema (${values.name} values): ${objects.length} objects checked\n`);
  }
  for (const file of MANIFESTS) {
    const objects = parseAllDocuments(readFileSync(path.join(REPO_ROOT, file), 'utf8')).map((d) => d.toJS() as K8sObject);
    for (const object of objects) {
      for (const problem of await schemaProblems(object)) {
        problems++;
        process.stdout.write(`schema (${file}): ${problem}\n`);
      }
    }
    process.stdout.write(`schema (${file}): ${objects.length} objects checked\n`);
  }
  process.exitCode = problems ? 1 : 0;
}

if (require.main === module) void main();
