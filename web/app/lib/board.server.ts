import { displayName } from './format';
import type { Locale } from './locale';
import { formatInstant } from './manage';

// The trainer's circle board: what `GET /api/cohorts/{id}/circles` answers, shaped for the page.

interface ApiPerson {
  nameLatin: string;
  nameArabic: string;
}

interface ApiMember extends ApiPerson {
  enrollmentId: string;
  organization: { displayName: string } | null;
  displayCity: string;
}

interface ApiCircle {
  id: string;
  name: { ar?: string; en?: string; fr?: string };
  displayName: string;
  place: { ar?: string; en?: string; fr?: string };
  displayPlace: string;
  online: boolean;
  coaches: (ApiPerson & { userId: string })[];
  members: ApiMember[];
}

export interface ApiBoard {
  circles: ApiCircle[];
  unassigned: ApiMember[];
}

/** People who left a circle (`pastMembers` of `GET /api/circles/{id}`), by circle id. */
export type PastMembers = Map<string, (ApiPerson & { enrollmentId: string; leftAt: string; currentCircle: { displayName: string } | null })[]>;

export interface BoardPerson {
  enrollmentId: string;
  name: string;
  organization: string | null;
  city: string | null;
}

export interface BoardCircle {
  id: string;
  name: string;
  online: boolean;
  place: string | null;
  coaches: { id: string; name: string }[];
  members: BoardPerson[];
  /** People who were in this circle and left it (moved or removed), newest first: the history stays visible. */
  former: { enrollmentId: string; name: string; left: string; now: string | null }[];
  /** What the edit form starts from: the circle's own per-locale values. */
  values: { nameAr: string; nameEn: string; nameFr: string; place: 'online' | 'city'; placeAr: string; placeEn: string; placeFr: string };
}

function person(member: ApiMember, lang: Locale): BoardPerson {
  return {
    enrollmentId: member.enrollmentId,
    name: displayName(member, lang),
    organization: member.organization?.displayName ?? null,
    city: member.displayCity || null,
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function toBoard(board: ApiBoard, past: PastMembers, lang: Locale, timeZone: string): { circles: BoardCircle[]; unassigned: BoardPerson[] } {
  const circles = board.circles.map(
    (circle): BoardCircle => ({
      id: circle.id,
      name: circle.displayName,
      online: circle.online,
      place: circle.online ? null : circle.displayPlace || null,
      coaches: circle.coaches.map((coach) => ({ id: coach.userId, name: displayName(coach, lang) })).sort(byName),
      // In the api's order: by the name the reader sees.
      members: circle.members.map((member) => person(member, lang)),
      former: (past.get(circle.id) ?? [])
        .slice()
        .sort((a, b) => b.leftAt.localeCompare(a.leftAt))
        .map((member) => ({
          enrollmentId: member.enrollmentId,
          name: displayName(member, lang),
          left: formatInstant(member.leftAt, lang, timeZone),
          now: member.currentCircle?.displayName ?? null,
        })),
      values: {
        nameAr: circle.name.ar ?? '',
        nameEn: circle.name.en ?? '',
        nameFr: circle.name.fr ?? '',
        place: circle.online ? 'online' : 'city',
        placeAr: circle.place.ar ?? '',
        placeEn: circle.place.en ?? '',
        placeFr: circle.place.fr ?? '',
      },
    }),
  );
  return { circles, unassigned: board.unassigned.map((member) => person(member, lang)) };
}

const doneKinds = ['created', 'saved', 'coachAdded', 'coachRemoved', 'moved', 'removed', 'assigned', 'deleted'] as const;
export type DoneKind = (typeof doneKinds)[number];

/** What the last change was (the action redirects with it in the query), for the notice where it shows. */
export function boardDone(query: URLSearchParams): { kind: DoneKind; circle: string | null; assigned: number; created: number } | null {
  const kind = doneKinds.find((k) => k === query.get('done'));
  if (!kind) return null;
  const count = (name: string) => Math.max(0, Number.parseInt(query.get(name) ?? '0', 10) || 0);
  return { kind, circle: query.get('circle'), assigned: count('assigned'), created: count('created') };
}
