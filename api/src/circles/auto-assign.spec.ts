import { assignToCircles, type AssignableCircle, type AssignableTrainee } from './auto-assign';

const empty = (id: string, size = 0, groups: Record<string, number> = {}): AssignableCircle => ({ id, size, groups: new Map(Object.entries(groups)) });
const person = (enrollmentId: string, group: string | null, sortKey = enrollmentId): AssignableTrainee => ({ enrollmentId, group, sortKey });

/** circle id → enrollment ids, sorted, for readable expectations. */
function circlesOf(assignment: Map<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [enrollmentId, circleId] of assignment) (out[circleId] ??= []).push(enrollmentId);
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('assignToCircles', () => {
  it('balances sizes to within one person', () => {
    const trainees = Array.from({ length: 11 }, (_, i) => person(`e${String(i).padStart(2, '0')}`, null));
    const result = circlesOf(assignToCircles([empty('a'), empty('b'), empty('c')], trainees));
    expect(Object.values(result).map((l) => l.length)).toEqual([4, 4, 3]);
    expect(Object.values(result).flat().sort()).toEqual(trainees.map((t) => t.enrollmentId));
  });

  it('deals each organization round-robin across the circles, largest organization first', () => {
    const trainees = [person('a1', 'org-a'), person('a2', 'org-a'), person('a3', 'org-a'), person('a4', 'org-a'), person('b1', 'org-b'), person('b2', 'org-b')];
    const result = circlesOf(assignToCircles([empty('x'), empty('y')], trainees));
    expect(result).toEqual({ x: ['a1', 'a3', 'b1'], y: ['a2', 'a4', 'b2'] });
  });

  it('fills the smaller circles first and keeps existing members where they are', () => {
    const result = circlesOf(
      assignToCircles([empty('full', 3, { 'org-a': 3 }), empty('new')], [person('n1', 'org-a'), person('n2', 'org-a'), person('n3', 'org-b'), person('n4', null)])
    );
    expect(result.new).toHaveLength(3);
    expect(result.full).toHaveLength(1);
    // The three in `full` are of org-a already: org-a newcomers go to `new`.
    expect(result.new).toEqual(expect.arrayContaining(['n1', 'n2']));
  });

  it('spreads people of the same group over circles of equal size by how many of that group each already has', () => {
    const result = assignToCircles([empty('x', 2, { tunis: 2 }), empty('y', 2, { sfax: 2 })], [person('t1', 'tunis'), person('s1', 'sfax')]);
    expect(result.get('t1')).toBe('y');
    expect(result.get('s1')).toBe('x');
  });

  it('gives the same answer whatever order the trainees arrive in', () => {
    const trainees = [
      person('e1', 'o1', 'Rania'),
      person('e2', 'o2', 'Amal'),
      person('e3', 'o1', 'Basma'),
      person('e4', null, 'Ziad'),
      person('e5', 'o3', 'Omar'),
      person('e6', 'o1', 'Hiba'),
    ];
    const circles = [empty('a'), empty('b'), empty('c')];
    const first = assignToCircles(circles, trainees);
    expect(assignToCircles(circles, [...trainees].reverse())).toEqual(first);
    expect(assignToCircles(circles, [trainees[3], trainees[0], trainees[5], trainees[1], trainees[4], trainees[2]])).toEqual(first);
  });

  it('assigns nobody when there is no circle, and does not change its input', () => {
    expect(assignToCircles([], [person('e1', null)]).size).toBe(0);
    const circle = empty('a', 1, { o: 1 });
    assignToCircles([circle], [person('e1', 'o')]);
    expect(circle).toEqual(empty('a', 1, { o: 1 }));
  });
});
