import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { NotFoundException } from '../common/domain.exception';
import { isLocale, type Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { translate } from '../i18n/i18n';
import { CircleSession } from '../sessions/circle-session.entity';
import { MY_CIRCLES_SQL, SessionsService, sessionLabels } from '../sessions/sessions.service';
import { calendarFeedToken, readCalendarFeedToken } from './calendar-token';
import { sessionsToIcs } from './session-ics';

/** How far back a feed reaches; everything ahead is in. */
const FEED_PAST_DAYS = 60;
/** A feed is bounded whatever happens: a year of weekly sessions in a dozen circles fits many times over. */
const FEED_MAX_SESSIONS = 2000;

export interface CalendarFeedResponse {
  url: string;
}

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  private urlOf(userId: string, generation: number): string {
    const token = calendarFeedToken(this.config.CALENDAR_FEED_SECRET, userId, generation);
    return new URL(`/api/calendar/${token}.ics`, this.config.PUBLIC_API_URL).toString();
  }

  /** The caller's feed URL; the feed is created (generation 1) on the first call. */
  async feed(caller: Caller): Promise<CalendarFeedResponse> {
    await this.dataSource.query(`INSERT INTO calendar_feeds (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [caller.userId]);
    const [row] = await this.dataSource.query<{ generation: number }[]>(`SELECT generation FROM calendar_feeds WHERE user_id = $1`, [caller.userId]);
    return { url: this.urlOf(caller.userId, row.generation) };
  }

  /** A new URL; the old one answers 404 from now on. */
  async rotate(caller: Caller, ctx: RequestContext): Promise<CalendarFeedResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ generation: number }[]>(
        `INSERT INTO calendar_feeds (user_id, generation) VALUES ($1, 2)
         ON CONFLICT (user_id) DO UPDATE SET generation = calendar_feeds.generation + 1, rotated_at = now()
         RETURNING generation`,
        [caller.userId],
      );
      await this.audit.record(manager, { actorId: caller.userId, action: 'calendar_feed.rotated', entityType: 'user', entityId: caller.userId, data: { generation: row.generation }, ip: ctx.ip });
      return { url: this.urlOf(caller.userId, row.generation) };
    });
  }

  /**
   * The public feed: every session from 60 days ago on of the circles the token's owner coaches or belongs to now,
   * in their language. A token that is malformed, forged, of a past generation or of a disabled account is a 404.
   */
  async ics(token: string): Promise<string> {
    const parsed = readCalendarFeedToken(this.config.CALENDAR_FEED_SECRET, token);
    if (!parsed) throw new NotFoundException();
    const [owner] = await this.dataSource.query<{ locale: string }[]>(
      `SELECT u.locale FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.user_id = $1 AND f.generation = $2 AND u.disabled_at IS NULL`,
      [parsed.userId, parsed.generation],
    );
    if (!owner) throw new NotFoundException();
    const locale: Locale = isLocale(owner.locale) ? owner.locale : 'ar';
    const sessions = await this.dataSource.manager
      .createQueryBuilder(CircleSession, 's')
      .where(`s.circle_id IN (${MY_CIRCLES_SQL.replace(/\$1/g, ':userId')})`, { userId: parsed.userId })
      .andWhere(`s.startsAt >= now() - make_interval(days => :days)`, { days: FEED_PAST_DAYS })
      .orderBy('s.startsAt', 'ASC')
      .take(FEED_MAX_SESSIONS)
      .getMany();
    const labels = await sessionLabels(
      this.dataSource.manager,
      sessions.map((s) => s.circleId),
    );
    return sessionsToIcs(
      sessions.map((session) => ({ session, labels: labels.get(session.circleId)! })),
      { name: translate(locale, 'calendar.feed_name'), locale },
    );
  }

  /** One session as a download, for anyone who may see it. */
  async sessionIcs(caller: Caller, sessionId: string, locale: Locale): Promise<string> {
    const manager = this.dataSource.manager;
    const { session } = await this.sessions.sessionFor(manager, caller, sessionId, 'view');
    const labels = await sessionLabels(manager, [session.circleId]);
    return sessionsToIcs([{ session, labels: labels.get(session.circleId)! }], { name: translate(locale, 'calendar.feed_name'), locale });
  }
}
