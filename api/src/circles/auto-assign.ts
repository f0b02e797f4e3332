/** A circle as auto-assignment sees it: how many members it has, and of which groups (organization or city). */
export interface AssignableCircle {
  id: string;
  size: number;
  /** Members already in the circle per group key, so newcomers of that group go elsewhere first. */
  groups: ReadonlyMap<string, number>;
}

/** A trainee without a circle. `group` is null when spreading is off or their organization (city) is unknown. */
export interface AssignableTrainee {
  enrollmentId: string;
  group: string | null;
  /** Orders people within a group (their name); ties fall back to the enrollment id. */
  sortKey: string;
}

/**
 * Puts every trainee into a circle: each goes to one of the smallest circles, so sizes never drift more than one
 * apart from where they stood; among those, to the one with the fewest people of their group, then the first in
 * the given order. Trainees are taken group by group, largest group first, so a group is dealt round-robin across
 * the circles; people without a group come last and only balance sizes. Pure and deterministic: the same input
 * gives the same answer, whatever order the trainees came in.
 *
 * @example
 * assignToCircles([{ id: 'a', size: 0, groups: new Map() }, { id: 'b', size: 0, groups: new Map() }],
 *   [{ enrollmentId: 'e1', group: 'org1', sortKey: 'Amal' }, { enrollmentId: 'e2', group: 'org1', sortKey: 'Basma' }])
 * // → Map { 'e1' => 'a', 'e2' => 'b' }
 */
export function assignToCircles(circles: readonly AssignableCircle[], trainees: readonly AssignableTrainee[]): Map<string, string> {
  const result = new Map<string, string>();
  if (circles.length === 0) return result;
  const state = circles.map((c) => ({
    id: c.id,
    size: c.size,
    groups: new Map(c.groups),
  }));

  const byGroup = new Map<string | null, AssignableTrainee[]>();
  for (const trainee of trainees) byGroup.set(trainee.group, [...(byGroup.get(trainee.group) ?? []), trainee]);
  const compareKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byPerson = (a: AssignableTrainee, b: AssignableTrainee) => compareKey(a.sortKey, b.sortKey) || compareKey(a.enrollmentId, b.enrollmentId);
  const grouped = [...byGroup.entries()]
    .filter((entry): entry is [string, AssignableTrainee[]] => entry[0] !== null)
    .sort(([ga, a], [gb, b]) => b.length - a.length || compareKey(ga, gb));
  const ordered = [...grouped.flatMap(([, people]) => [...people].sort(byPerson)), ...[...(byGroup.get(null) ?? [])].sort(byPerson)];

  for (const trainee of ordered) {
    const smallest = Math.min(...state.map((c) => c.size));
    let best: (typeof state)[number] | undefined;
    for (const circle of state) {
      if (circle.size !== smallest) continue;
      if (!best) best = circle;
      else if (trainee.group !== null && (circle.groups.get(trainee.group) ?? 0) < (best.groups.get(trainee.group) ?? 0)) best = circle;
    }
    const chosen = best!;
    chosen.size += 1;
    if (trainee.group !== null) chosen.groups.set(trainee.group, (chosen.groups.get(trainee.group) ?? 0) + 1);
    result.set(trainee.enrollmentId, chosen.id);
  }
  return result;
}
