import { ApiProperty } from '@nestjs/swagger';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { LocalizedTextResponse } from '../organizations/organization.response';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from './attendance.entity';
import { SESSION_STATUSES, type CircleSession, type SessionStatus } from './circle-session.entity';
import { localDateTime } from './recurrence';

export class SessionCircleRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ description: 'Circle name in the language of Accept-Language.' }) displayName: string;
  @ApiProperty({ description: 'Course title in the language of Accept-Language.' }) courseTitle: string;
}

/** One meeting of a circle, with its instant and its wall-clock time in the zone it was planned in. */
export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SessionCircleRef }) circle: SessionCircleRef;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) seriesId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '1-based position in its series.' }) seriesIndex: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T15:00:00.000Z' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ example: 'Asia/Amman', description: 'IANA zone the session was planned in (the cohort’s).' }) timeZone: string;
  @ApiProperty({ example: '2026-12-03T18:00', description: 'Wall-clock start in `timeZone`, `YYYY-MM-DDTHH:mm`.' }) localStart: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ description: 'Grows with every change (iCalendar SEQUENCE).' }) sequence: number;
  @ApiProperty({ type: LocalizedTextResponse }) place: LocalizedText;
  @ApiProperty({ description: 'Place in the language of Accept-Language (empty when none).' }) displayPlace: string;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: LocalizedTextResponse }) agenda: LocalizedText;
  @ApiProperty({ description: 'Agenda in the language of Accept-Language (empty when none).' }) displayAgenda: string;
  @ApiProperty({ description: 'The caller may edit, cancel and take attendance (a coach of the circle, a lead trainer, an admin).' }) canManage: boolean;
}

export class SessionPage {
  @ApiProperty({ type: [SessionResponse] }) items: SessionResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreatedSessionsResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The series, or null for a single session.' }) seriesId: string | null;
  @ApiProperty({ type: [SessionResponse], description: 'Every session created, in order.' }) items: SessionResponse[];
}

export class UpdatedSessionsResponse {
  @ApiProperty({ type: [SessionResponse], description: 'Every session changed (this one first, then later ones of the series).' }) items: SessionResponse[];
}

/** What a session row needs around it to be shown. */
export interface SessionLabels {
  circleName: LocalizedText;
  cohortId: string;
  courseTitle: LocalizedText;
}

export function toSessionResponse(session: CircleSession, labels: SessionLabels, locale: Locale, canManage: boolean): SessionResponse {
  const local = localDateTime(session.startsAt, session.timeZone);
  return {
    id: session.id,
    circle: { id: session.circleId, cohortId: labels.cohortId, displayName: resolveText(labels.circleName, locale).text, courseTitle: resolveText(labels.courseTitle, locale).text },
    seriesId: session.seriesId,
    seriesIndex: session.seriesIndex,
    startsAt: session.startsAt.toISOString(),
    endsAt: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000).toISOString(),
    durationMinutes: session.durationMinutes,
    timeZone: session.timeZone,
    localStart: `${local.date}T${local.time}`,
    status: session.status,
    cancelReason: session.cancelReason,
    sequence: session.sequence,
    place: session.place,
    displayPlace: resolveText(session.place, locale).text,
    onlineUrl: session.onlineUrl,
    agenda: session.agenda,
    displayAgenda: resolveText(session.agenda, locale).text,
    canManage,
  };
}

export class AttendanceRowResponse {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
  @ApiProperty({ description: 'Still a member of the circle now (false: was a member when the session started, has left since).' }) currentMember: boolean;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true, description: 'Null: not marked yet.' }) status: AttendanceStatus | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) markedAt: string | null;
}

export class AttendanceRosterResponse {
  @ApiProperty({ type: SessionResponse }) session: SessionResponse;
  @ApiProperty({ type: [AttendanceRowResponse], description: 'Everyone who may be marked: members at the session’s start or now.' }) items: AttendanceRowResponse[];
}

export class MyAttendanceItem {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ example: '2026-12-03T18:00' }) localStart: string;
  @ApiProperty({ type: SessionCircleRef }) circle: SessionCircleRef;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true, description: 'Null: not marked.' }) status: AttendanceStatus | null;
}

export class MyAttendanceResponse {
  @ApiProperty({ type: [MyAttendanceItem], description: 'Sessions held while the caller was a member (newest first), across their circles.' }) items: MyAttendanceItem[];
  @ApiProperty() held: number;
  @ApiProperty() attended: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / held, null before any session was held.' }) rate: number | null;
}
