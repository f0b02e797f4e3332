import { boardDone, toBoard, type ApiBoard, type PastMembers } from './board.server';
import { autoAssignSchema, circleBody, circleRuleErrors, createCircleSchema, moveSchema } from './board-schemas';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

const member = (enrollmentId: string, nameLatin: string, nameArabic: string, organization: string | null = null) => ({
  enrollmentId,
  nameLatin,
  nameArabic,
  organization: organization ? { displayName: organization } : null,
  displayCity: organization ? 'Amman' : '',
});

const board: ApiBoard = {
  circles: [
    {
      id: 'c1',
      name: { ar: 'حلقة الأشرفية', en: 'Ashrafieh' },
      displayName: 'Ashrafieh',
      place: { en: 'Ashrafieh' },
      displayPlace: 'Ashrafieh',
      online: false,
      coaches: [{ userId: 'u9', nameLatin: 'Maha Coach', nameArabic: 'مها' }],
      members: [member('e2', 'Sara Youssef', 'سارة يوسف', 'Tamkeen'), member('e1', 'Omar Nabil', 'عمر نبيل')],
    },
    { id: 'c2', name: { fr: 'En ligne' }, displayName: 'En ligne', place: {}, displayPlace: '', online: true, coaches: [], members: [] },
  ],
  unassigned: [member('e3', '', 'هدى سالم')],
};

describe('the circle board', () => {
  it('shows people by name in the reader’s script, with organization and city, and the edit form’s values per circle', () => {
    const past: PastMembers = new Map([['c2', [{ enrollmentId: 'e1', nameLatin: 'Omar Nabil', nameArabic: 'عمر نبيل', leftAt: '2027-03-04T10:00:00Z', currentCircle: { displayName: 'Ashrafieh' } }]]]);
    const { circles, unassigned } = toBoard(board, past, 'ar', 'Asia/Amman');
    expect(circles[0]?.members.map((p) => p.name)).toEqual(['سارة يوسف', 'عمر نبيل']);
    expect(circles[0]?.members.find((p) => p.enrollmentId === 'e2')).toMatchObject({ organization: 'Tamkeen', city: 'Amman' });
    expect(circles[0]?.coaches).toEqual([{ id: 'u9', name: 'مها' }]);
    expect(circles[0]?.values).toEqual({ nameAr: 'حلقة الأشرفية', nameEn: 'Ashrafieh', nameFr: '', place: 'city', placeAr: '', placeEn: 'Ashrafieh', placeFr: '' });
    expect(circles[1]).toMatchObject({ online: true, place: null, values: { place: 'online' } });
    // The history stays visible on the circle they left.
    expect(circles[1]?.former).toHaveLength(1);
    expect(circles[1]?.former[0]).toMatchObject({ name: 'عمر نبيل', now: 'Ashrafieh' });
    expect(unassigned).toEqual([{ enrollmentId: 'e3', name: 'هدى سالم', organization: null, city: null }]);
  });

  it('reads the notice of the last change from the query, ignoring anything unknown', () => {
    expect(boardDone(new URLSearchParams('done=assigned&assigned=5&created=2'))).toEqual({ kind: 'assigned', circle: null, assigned: 5, created: 2 });
    expect(boardDone(new URLSearchParams('done=moved&circle=c1'))).toMatchObject({ kind: 'moved', circle: 'c1' });
    expect(boardDone(new URLSearchParams('done=<script>'))).toBeNull();
    expect(boardDone(new URLSearchParams('done=assigned&assigned=-3'))?.assigned).toBe(0);
  });
});

describe('circle forms', () => {
  it('ask for a name in some language and a place unless online', () => {
    expect(circleRuleErrors(form({ place: 'city' }))).toEqual({ nameAr: ['manage.validation.nameRequired'], placeAr: ['board.validation.placeRequired'] });
    expect(circleRuleErrors(form({ nameFr: 'Cercle', place: 'online' }))).toEqual({});
  });

  it('send the api per-locale text without blanks, no place when online, and every chosen coach', () => {
    const parsed = createCircleSchema.parse({ nameEn: ' Weibdeh ', nameAr: '', place: 'online', placeEn: 'ignored', coachIds: ['a', 'b'] });
    expect(circleBody(parsed)).toEqual({ name: { en: 'Weibdeh' }, online: true, place: {} });
    expect(parsed.coachIds).toEqual(['a', 'b']);
    expect(createCircleSchema.parse({ nameEn: 'x', place: 'city', coachIds: 'a' }).coachIds).toEqual(['a']);
    expect(createCircleSchema.parse({ nameEn: 'x', place: 'city' }).coachIds).toEqual([]);
  });

  it('refuse a move without a circle and an auto-assignment outside 1–50', () => {
    expect(moveSchema.safeParse({ enrollmentId: 'e1', circleId: '' }).success).toBe(false);
    expect(autoAssignSchema.safeParse({ circles: '0', spreadBy: 'none' }).success).toBe(false);
    expect(autoAssignSchema.safeParse({ circles: '2.5', spreadBy: 'city' }).success).toBe(false);
    expect(autoAssignSchema.parse({ circles: '3', spreadBy: 'organization' })).toEqual({ circles: 3, spreadBy: 'organization' });
  });
});
