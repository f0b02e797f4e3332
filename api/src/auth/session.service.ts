import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import type { RequestContext } from '../common/request-context';
import { hashToken, isWellFormedToken, newToken } from '../common/tokens';
import { Session } from './session.entity';

/** A session ends 7 days after it was last used, and 30 days after sign-in whatever its use. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** lastSeenAt is written at most this often, so reads do not turn every request into a write. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** Whether a session is still usable at `now` (pure, for the guard and its tests). */
export function isSessionLive(session: Pick<Session, 'lastSeenAt' | 'expiresAt'>, now: Date): boolean {
  return session.expiresAt.getTime() > now.getTime() && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

@Injectable()
export class SessionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a session: a new random token each time; only its hash is stored. Returns the token. */
  async start(manager: EntityManager, userId: string, ctx: RequestContext): Promise<string> {
    const token = newToken();
    const now = new Date();
    await manager.insert(Session, {
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    return token;
  }

  /** The caller behind a bearer token, or null when it is unknown, expired or the account is disabled. */
  async resolve(token: string): Promise<Caller | null> {
    if (!isWellFormedToken(token)) return null;
    const session = await this.dataSource.manager
      .createQueryBuilder(Session, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :hash', { hash: hashToken(token) })
      .getOne();
    const now = new Date();
    if (!session || session.user.disabledAt || !isSessionLive(session, now)) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
      await this.dataSource.manager.update(Session, { id: session.id }, { lastSeenAt: now });
    }
    return { userId: session.userId, sessionId: session.id, isAdmin: session.user.isAdmin, locale: session.user.locale };
  }

  async end(sessionId: string): Promise<void> {
    await this.dataSource.manager.delete(Session, { id: sessionId });
  }

  /** Ends every session of the user except `keep` (the one changing the password stays signed in). */
  async endAllOf(manager: EntityManager, userId: string, keep?: string): Promise<void> {
    const query = manager.createQueryBuilder().delete().from(Session).where('user_id = :userId', { userId });
    if (keep) query.andWhere('id <> :keep', { keep });
    await query.execute();
  }
}
