/** Summarising a V8 CPU profile (node --cpu-prof): where the build's time went, by package or source file. */

/** The parts of a .cpuprofile this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one group, in milliseconds. */
export interface TimeShare {
  name: string;
  ms: number;
}

/** Names the group a script URL belongs to: an npm package, a project file, Node itself, or V8's own entries. */
export function groupOf(url: string, functionName: string, root: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

/** Self time per node id; a sample's time is the delta to the next sample. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = timeDeltas[i + 1] ?? 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + us);
  }
  return self;
}

/** Self time grouped by `key`, largest first. */
function grouped(profile: CpuProfile, key: (node: CpuProfile['nodes'][number]) => string): TimeShare[] {
  const self = selfTimes(profile);
  const totals = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const name = key(node);
    totals.set(name, (totals.get(name) ?? 0) + us);
  }
  return [...totals].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

/** Self time by package or project file. */
export function timeByGroup(profile: CpuProfile, root: string): TimeShare[] {
  return grouped(profile, (n) => groupOf(n.callFrame.url, n.callFrame.functionName, root));
}

/** Self time by function, named with its group. */
export function timeByFunction(profile: CpuProfile, root: string): TimeShare[] {
  return grouped(
    profile,
    (n) => `${n.callFrame.functionName || '(anonymous)'} [${groupOf(n.callFrame.url, n.callFrame.functionName, root)}]`,
  );
}

/** Total time (self and below) spent inside functions with one of these names, counting nested calls once. */
export function inclusiveTime(profile: CpuProfile, names: readonly string[]): Record<string, number> {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>(names.map((n) => [n, 0]));
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)?.callFrame.functionName ?? '';
      if (totals.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, totals.get(name)! + us / 1000);
      }
    }
  }
  return Object.fromEntries(totals);
}
