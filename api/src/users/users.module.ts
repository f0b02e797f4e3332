import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], controllers: [MeController, UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
