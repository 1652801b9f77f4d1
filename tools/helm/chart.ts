import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../start/paths';
import { helmBinary } from './helm-binary';

export const CHART_DIR = path.join(REPO_ROOT, 'deploy/helm/poa-desk');
export const PRODUCTION_VALUES = path.join(CHART_DIR, 'values.production.yaml');

/** One rendered Kubernetes object (only the fields the checks read are typed). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

/** Runs helm with the chart directory as its last argument; throws with helm's own message on failure. */
export async function helm(args: string[]): Promise<string> {
  const bin = await helmBinary();
  try {
    return execFileSync(bin, [...args, CHART_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 << 20 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`helm ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

/** `helm template` with these values files and --set pairs, parsed into objects (hooks included). */
export async function renderChart(valuesFiles: string[] = [], set: string[] = []): Promise<K8sObject[]> {
  const args = ['template', 'poa-desk', '--namespace', 'poa-desk'];
  for (const file of valuesFiles) args.push('-f', file);
  for (const pair of set) args.push('--set', pair);
  const out = await helm(args);
  return parseAllDocuments(out)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`helm rendered invalid YAML: ${doc.errors[0].message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}
