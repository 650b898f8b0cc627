/**
 * The names and addresses of a set of hosts made of network namespaces, worked out before any is
 * made: a bridge in the host's namespace holding the /24's first address (the gateway, where the
 * host's servers are forwarded to), and one namespace per host joined to it by a veth pair.
 */
export interface HostPlan {
  namespace: string;
  address: string;
  /** the veth end left in the host's namespace, enslaved to the bridge */
  hostLink: string;
  /** the veth end moved into the namespace */
  innerLink: string;
}

export interface NetworkPlan {
  bridge: string;
  /** says whose the bridge is, so a later run can sweep it when that process is gone */
  owner: string;
  subnet: string;
  gateway: string;
  hosts: HostPlan[];
}

/** Every namespace a run makes is named `timeline-<pid>-<tag>-<n>`. */
export const NAMESPACE_PREFIX = 'timeline-';
const OWNER_PREFIX = 'timeline-hosts of pid ';
/** Linux's limit on an interface's name (IFNAMSIZ less the terminating NUL). */
export const MAX_LINK_NAME = 15;

export function planNetwork(count: number, tag: string, pid: number, subnet: string): NetworkPlan {
  if (!/^[0-9a-f]{6}$/.test(tag)) throw new Error(`a network's tag is six hex digits, not "${tag}"`);
  if (count < 1 || count > 250) throw new Error(`${count} hosts do not fit a /24`);
  const base = subnet.replace(/\.\d+\/\d+$/, '');
  return {
    bridge: `tlb${tag}`,
    owner: `${OWNER_PREFIX}${pid}`,
    subnet,
    gateway: `${base}.1`,
    hosts: Array.from({ length: count }, (_, i) => ({
      namespace: `${NAMESPACE_PREFIX}${pid}-${tag}-${i}`,
      address: `${base}.${i + 2}`,
      hostLink: `tlh${tag}${i}`,
      innerLink: `tln${tag}${i}`,
    })),
  };
}

/** The pid a namespace's or a bridge's name says made it, or undefined for one this code did not make. */
export function ownerPid(name: string): number | undefined {
  const match = new RegExp(`^(?:${NAMESPACE_PREFIX}(\\d+)-[0-9a-f]{6}-\\d+|${OWNER_PREFIX}(\\d+))$`).exec(name);
  return match ? Number(match[1] ?? match[2]) : undefined;
}

/**
 * A private /24 (in 10.0.0.0/8) that overlaps none of the networks `taken` (CIDRs of the machine's
 * routes and addresses, other runs' bridges among them); `random` picks the candidates.
 */
export function freeSubnet(taken: string[], random: () => number = Math.random): string {
  const used = taken.map(range);
  for (let attempt = 0; attempt < 100; attempt++) {
    // 10.200.0.0–10.254.255.0: away from the low 10.x networks that container and VPN tools favour
    const candidate = `10.${200 + Math.floor(random() * 55)}.${Math.floor(random() * 256)}.0/24`;
    const [start, end] = range(candidate);
    if (!used.some(([s, e]) => s <= end && start <= e)) return candidate;
  }
  throw new Error(`no free /24 from 10.200.0.0 to 10.254.255.0 beside ${taken.join(', ')}`);
}

/** The first and last address of a CIDR (a bare address is a /32), as 32-bit numbers. */
function range(cidr: string): [number, number] {
  const [address = '', bits = '32'] = cidr.split('/');
  const value = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  const start = value - (value % size);
  return [start, start + size - 1];
}
