import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Socket } from 'node:net';
import { freeSubnet, NAMESPACE_PREFIX, ownerPid, planNetwork, type NetworkPlan } from './netns-plan';

/** A host of its own: a network namespace with one address on the run's bridge. */
export interface Host {
  namespace: string;
  address: string;
  /** the words that run a command inside the namespace, put before it */
  launcher: string[];
}

export interface HostNetwork {
  /** the bridge's address in the machine's own namespace: where the hosts reach its servers */
  gateway: string;
  subnet: string;
  hosts: Host[];
  /** Kills whatever still runs in the namespaces and deletes them, their links and the bridge. */
  remove(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const quietly = (action: () => unknown): void => {
  try {
    action();
  } catch {
    // already gone
  }
};

/** Why namespaces cannot be made here, or undefined when they can (one is made and deleted to find out). */
export function whyNoNamespaces(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces exist on Linux only';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root';
  try {
    ip('-V');
  } catch {
    return 'the ip command (iproute2) is not installed';
  }
  const probe = `${NAMESPACE_PREFIX}${process.pid}-probe`;
  try {
    ip('netns', 'add', probe);
    ip('-n', probe, 'link', 'add', 'tlprobe0', 'type', 'veth', 'peer', 'name', 'tlprobe1');
    return undefined;
  } catch (error) {
    return `ip netns and veth pairs fail here: ${String((error as { stderr?: string }).stderr ?? error).trim()}`;
  } finally {
    quietly(() => ip('netns', 'del', probe));
  }
}

/**
 * Tests that need several hosts run where namespaces can be made. Elsewhere they are skipped with
 * a message saying why — unless CI or REQUIRE_NETNS=1 is set, when that fails the run.
 */
export function namespacesOrSkip(): boolean {
  const why = whyNoNamespaces();
  if (!why) return true;
  const message = `cannot make network namespaces: ${why}; the tests across several hosts need them (run as root with iproute2)`;
  const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
  if (ci || process.env.REQUIRE_NETNS === '1') throw new Error(message);
  console.warn(`[netns] SKIPPED: ${message}`);
  return false;
}

/**
 * `count` hosts on a bridge of their own, in a private /24 no route of the machine uses. Every name
 * carries a random tag and this process's pid, so runs side by side do not clash, and a run that
 * died before cleaning up is swept by the next one.
 */
export function makeHosts(count: number): HostNetwork {
  removeOrphanedNetworks();
  const plan = planNetwork(count, randomBytes(3).toString('hex'), process.pid, freeSubnet(subnetsInUse()));
  const remove = () => {
    process.off('exit', remove);
    removeNetwork(plan);
  };
  // the backstop for a test process that ends without running its afterAll
  process.once('exit', remove);
  try {
    ip('link', 'add', plan.bridge, 'type', 'bridge');
    ip('link', 'set', plan.bridge, 'alias', plan.owner);
    ip('addr', 'add', `${plan.gateway}/24`, 'dev', plan.bridge);
    ip('link', 'set', plan.bridge, 'up');
    for (const host of plan.hosts) {
      ip('netns', 'add', host.namespace);
      ip('link', 'add', host.hostLink, 'type', 'veth', 'peer', 'name', host.innerLink, 'netns', host.namespace);
      ip('link', 'set', host.hostLink, 'master', plan.bridge, 'up');
      ip('-n', host.namespace, 'addr', 'add', `${host.address}/24`, 'dev', host.innerLink);
      ip('-n', host.namespace, 'link', 'set', host.innerLink, 'up');
      ip('-n', host.namespace, 'link', 'set', 'lo', 'up');
    }
  } catch (error) {
    remove();
    throw error;
  }
  return {
    gateway: plan.gateway,
    subnet: plan.subnet,
    hosts: plan.hosts.map(({ namespace, address }) => ({ namespace, address, launcher: ['ip', 'netns', 'exec', namespace] })),
    remove,
  };
}

function removeNetwork(plan: NetworkPlan): void {
  for (const { namespace, hostLink } of plan.hosts) {
    // a namespace lives on while a process runs in it, and with it the veth pair
    killEverythingIn(namespace);
    quietly(() => ip('netns', 'del', namespace));
    quietly(() => ip('link', 'del', hostLink));
  }
  quietly(() => ip('link', 'del', plan.bridge));
}

function killEverythingIn(namespace: string): void {
  let pids: number[] = [];
  quietly(() => (pids = ip('netns', 'pids', namespace).split(/\s+/).filter(Boolean).map(Number)));
  for (const pid of pids) quietly(() => process.kill(pid, 'SIGKILL'));
}

/** Namespaces and bridges whose run's process is gone. */
function removeOrphanedNetworks(): void {
  const orphaned = (name: string) => {
    const pid = ownerPid(name);
    return pid !== undefined && pid !== process.pid && !alive(pid);
  };
  for (const namespace of ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0])) {
    if (!namespace || !orphaned(namespace)) continue;
    killEverythingIn(namespace);
    quietly(() => ip('netns', 'del', namespace));
  }
  const bridges = JSON.parse(ip('-j', 'link', 'show', 'type', 'bridge') || '[]') as { ifname: string; ifalias?: string }[];
  for (const { ifname, ifalias } of bridges) if (ifalias && orphaned(ifalias)) quietly(() => ip('link', 'del', ifname));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The IPv4 networks the machine's own namespace routes or holds an address in. */
function subnetsInUse(): string[] {
  const routes = JSON.parse(ip('-j', '-4', 'route', 'show', 'table', 'all') || '[]') as { dst: string }[];
  const links = JSON.parse(ip('-j', '-4', 'addr') || '[]') as { addr_info: { local: string; prefixlen: number }[] }[];
  return [
    ...routes.map((r) => r.dst).filter((dst) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(dst)),
    ...links.flatMap((l) => l.addr_info.map((a) => `${a.local}/${a.prefixlen}`)),
  ];
}

export interface Forwarder {
  close(): Promise<void>;
}

/**
 * Listens on `listen` and pipes every connection to `target`, both ways. The machine's PostgreSQL
 * and Redis listen on 127.0.0.1 only, which a namespace cannot reach; a forwarder on the gateway
 * address makes them reachable without touching their configuration. (The kernel's way, DNAT with
 * `route_localnet`, needs iptables, which not every machine has, and leaves rules to clean up.)
 * When one side closes or fails, so does the other: a host killed mid-query drops its sessions.
 */
export function forwardTcp(listen: { host: string; port: number }, target: { host: string; port: number }): Promise<Forwarder> {
  const open = new Set<Socket>();
  const server = createServer((inbound) => {
    const outbound = createConnection(target);
    for (const socket of [inbound, outbound]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.once('close', () => open.delete(socket));
    }
    inbound.pipe(outbound).on('error', () => inbound.destroy());
    outbound.pipe(inbound).on('error', () => outbound.destroy());
    inbound.once('error', () => outbound.destroy());
    outbound.once('error', () => inbound.destroy());
    inbound.once('close', () => outbound.destroy());
    outbound.once('close', () => inbound.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            open.forEach((socket) => socket.destroy());
            server.close(() => done());
          }),
      }),
    );
  });
}
