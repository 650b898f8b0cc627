import { describe, expect, it } from 'vitest';
import { freeSubnet, MAX_LINK_NAME, ownerPid, planNetwork, type NetworkPlan } from './netns-plan';

describe('the plan of a set of hosts', () => {
  it('gives each host an address of the /24 after the gateway, and link names the kernel accepts', () => {
    const plan = planNetwork(3, 'a1b2c3', 4242, '10.231.17.0/24');
    expect(plan.gateway).toBe('10.231.17.1');
    expect(plan.hosts.map((h) => h.address)).toEqual(['10.231.17.2', '10.231.17.3', '10.231.17.4']);
    const links = [plan.bridge, ...plan.hosts.flatMap((h) => [h.hostLink, h.innerLink])];
    expect(new Set(links).size).toBe(links.length);
    for (const link of links) expect(link.length).toBeLessThanOrEqual(MAX_LINK_NAME);
  });

  it('names what it makes after the process that made it, so a dead run’s leftovers are found', () => {
    const plan = planNetwork(2, 'a1b2c3', 4242, '10.231.17.0/24');
    expect([...plan.hosts.map((h) => h.namespace), plan.owner].map(ownerPid)).toEqual([4242, 4242, 4242]);
    expect(ownerPid('timeline-4242-probe')).toBeUndefined();
    expect(ownerPid('cni-1234')).toBeUndefined();
  });

  it('runs from two tags do not share a name', () => {
    const [a, b] = ['a1b2c3', 'a1b2c4'].map((tag) => planNetwork(3, tag, 4242, '10.231.17.0/24')) as [NetworkPlan, NetworkPlan];
    const names = (p: NetworkPlan) => [p.bridge, ...p.hosts.flatMap((h) => [h.namespace, h.hostLink, h.innerLink])];
    expect(names(a).filter((n) => names(b).includes(n))).toEqual([]);
  });

  it('picks a /24 no route or address of the machine overlaps', () => {
    // the first candidates are taken by a wider route, another run's bridge and an address
    const candidates = [0, 0, 0.5, 0.5, 0.99, 0.5, 0.3, 0.3];
    let i = 0;
    const subnet = freeSubnet(['10.200.0.0/16', '10.227.128.0/24', '10.254.128.9'], () => candidates[i++]!);
    expect(subnet).toBe('10.216.76.0/24');
    expect(() => freeSubnet(['10.0.0.0/8'], () => 0.5)).toThrow(/no free \/24/);
  });
});
