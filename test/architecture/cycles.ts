/**
 * The cycles of a directed graph: one per strongly connected group (Tarjan), each the shortest
 * way from the group's first node back to itself, written with that node at both ends.
 */
export function cyclesOf(nodes: readonly string[], edgesOf: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of edgesOf(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    groups.push(group);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);

  return groups
    .filter((group) => group.length > 1 || edgesOf(group[0] ?? '').includes(group[0] ?? ''))
    .map((group) => shortestLoop([...group].sort(), edgesOf))
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Breadth first from the group's first node, inside the group, back to that node. */
function shortestLoop(group: string[], edgesOf: (node: string) => readonly string[]): string[] {
  const [start = ''] = group;
  const members = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? start;
    for (const next of edgesOf(node)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        for (let at = cameFrom.get(node); at !== undefined; at = cameFrom.get(at)) path.unshift(at);
        return [...path, start];
      }
      if (!cameFrom.has(next) && next !== start) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
