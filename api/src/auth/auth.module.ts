import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { AuthController, PasswordController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SessionService } from './session.service';

@Module({
  imports: [AuditModule, OutboxModule, UsersModule],
  controllers: [AuthController, PasswordController],
  providers: [AuthService, SessionService, LoginLimiter],
  exports: [AuthService, SessionService, LoginLimiter],
})
export class AuthModule {}
