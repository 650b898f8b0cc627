/** A place where the map draws it, in screen pixels, with its rank: the lower, the more it matters. */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
  rank: number;
}

/** A drawn marker, and the places too near it to be drawn apart at this zoom that it stands for. */
export interface Cluster<P extends ScreenPoint = ScreenPoint> {
  lead: P;
  members: P[];
}

/**
 * Gathers points closer than `gap` pixels. In order of rank, each point joins the nearest lead
 * within `gap`, or leads a cluster of its own: leads are at least `gap` apart, and a place never
 * hides behind one that matters less (a city behind a village).
 */
export function clusterPoints<P extends ScreenPoint>(points: readonly P[], gap: number): Cluster<P>[] {
  const clusters: Cluster<P>[] = [];
  for (const point of [...points].sort((a, b) => a.rank - b.rank)) {
    let nearest: Cluster<P> | undefined;
    let best = gap;
    for (const cluster of clusters) {
      const d = Math.hypot(cluster.lead.x - point.x, cluster.lead.y - point.y);
      if (d < best) [nearest, best] = [cluster, d];
    }
    if (nearest) nearest.members.push(point);
    else clusters.push({ lead: point, members: [] });
  }
  return clusters;
}

/**
 * The clusters again, those led by the keys of `moved` now behind the leads their values name
 * (a city whose name needs their room).
 */
export function absorbed<P extends ScreenPoint>(
  clusters: readonly Cluster<P>[],
  moved: ReadonlyMap<string, string>,
): Cluster<P>[] {
  const byLead = new Map(clusters.map((c) => [c.lead.id, { lead: c.lead, members: [...c.members] }]));
  for (const [id, into] of moved) {
    const from = byLead.get(id);
    const to = byLead.get(into);
    if (!from || !to || from === to) continue;
    to.members.push(from.lead, ...from.members);
    byLead.delete(id);
  }
  return [...byLead.values()];
}

/**
 * How many times closer to zoom for a cluster to come apart: until its members stand, on
 * average, half again `gap` from their lead; at least twice as close.
 */
export function separatingZoom({ lead, members }: Cluster, gap: number): number {
  if (members.length === 0) return 1;
  const mean = members.reduce((sum, m) => sum + Math.hypot(m.x - lead.x, m.y - lead.y), 0) / members.length;
  return mean > 0 ? Math.max(2, (1.5 * gap) / mean) : Infinity;
}

/**
 * Where the members of a cluster that zooming no longer separates (the view is as close as it
 * goes) are drawn: evenly on a ring around their lead, at least `gap` from it and from each other.
 */
export function fannedOut<P extends ScreenPoint>({ lead, members }: Cluster<P>, gap: number): P[] {
  const n = members.length;
  // neighbours on the ring are a chord apart: 2 r sin(π / n)
  const radius = n < 2 ? gap : Math.max(gap, gap / (2 * Math.sin(Math.PI / n)));
  return members.map((member, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { ...member, x: lead.x + radius * Math.cos(angle), y: lead.y + radius * Math.sin(angle) };
  });
}
