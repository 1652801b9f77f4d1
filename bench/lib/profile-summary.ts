import { readFileSync } from 'node:fs';

const IDLE = 'idle';
const NODE_CORE = 'node core (http, net, streams, timers)';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, in the API's layers; undefined for frames that take their caller's layer (node internals, natives). */
function layerOf(frame: ProfileNode['callFrame']): string | undefined {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  // The profiler's own work (stopping, building the profile) is not the API's.
  if (functionName === '(idle)' || url.endsWith('cpu-profile.cjs')) return IDLE;
  if (functionName === '(program)') return 'VM (program: compiled code outside JS frames)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (
      /^(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom|fast-redact|thread-stream|quick-format-unescaped|atomic-sleep|on-exit-leak-free)$/.test(
        pkg,
      )
    )
      return 'pino (logging)';
    if (/^(zod|nestjs-zod)$/.test(pkg)) return 'zod (query validation, answer serialisation)';
    if (
      /^(passport|passport-strategy|passport-jwt|passport-custom|passport-local|@nestjs\/passport|jsonwebtoken|jws|jwa|ecdsa-sig-formatter|safe-buffer|semver|lodash\..*|ms)$/.test(
        pkg,
      )
    )
      return 'passport + JWT verification';
    if (pkg === 'rate-limiter-flexible') return 'rate limiter';
    if (/^(ioredis|redis-parser|@ioredis\/.*|denque|cluster-key-slot|standard-as-callback)$/.test(pkg)) return 'Redis client (ioredis)';
    if (/^(pg|pg-protocol|pg-types|pg-pool|postgres-array|postgres-date|postgres-interval|postgres-bytea|pg-int8)$/.test(pkg))
      return 'pg (protocol, row parsing)';
    if (/^(@nestjs\/core|@nestjs\/common|@nestjs\/platform-express|rxjs|reflect-metadata|tslib|iterare)$/.test(pkg))
      return 'Nest pipeline (router, guards, interceptors, rxjs)';
    if (/^(typeorm)$/.test(pkg)) return 'TypeORM';
    return 'Express + its middleware (router, cookie-parser, headers)';
  }
  if (/\/libs\/db\//.test(url)) return 'pg (protocol, row parsing)';
  const app = /apps\/api\/src\/(.+)\.js$/.exec(url)?.[1];
  if (app) {
    if (app.startsWith('identity/auth/strategies')) return 'passport + JWT verification';
    if (app.startsWith('identity/auth/access.guard') || app.startsWith('identity/users')) return 'access guard + user look-up';
    if (app.startsWith('rate-limit')) return 'rate limiter';
    if (app.startsWith('idempotency')) return 'idempotency + upload interceptors';
    return `app code (${app.split('/')[0]})`;
  }
  if (url === '' && (functionName === 'stringify' || functionName === 'parse')) return 'JSON (native)';
  return undefined;
}

/** CPU ms per request of each layer: each sample goes to the innermost frame that belongs to a layer. */
export function summariseProfile(files: string[], requests: number): { layer: string; msPerRequest: number; share: number }[] {
  const totals = new Map<string, number>();
  for (const file of files) addProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, totals);
  let all = 0;
  for (const [layer, us] of totals) if (layer !== IDLE) all += us;
  return [...totals]
    .filter(([layer]) => layer !== IDLE)
    .map(([layer, us]) => ({
      layer,
      msPerRequest: Math.round((us / 1000 / requests) * 1000) / 1000,
      share: Math.round((us / all) * 1000) / 10,
    }))
    .sort((a, b) => b.msPerRequest - a.msPerRequest);
}

function addProfile(profile: CpuProfile, totals: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
  const layerOfNode = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = layerOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const own = layerOf(node.callFrame);
    const layer =
      own ?? (node.parent === undefined || byId.get(node.parent)!.callFrame.functionName === '(root)' ? NODE_CORE : resolve(node.parent));
    layerOfNode.set(id, layer);
    return layer;
  };
  profile.samples.forEach((id, i) => {
    const layer = resolve(id);
    totals.set(layer, (totals.get(layer) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
}
