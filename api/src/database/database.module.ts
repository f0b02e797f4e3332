import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ENTITIES } from './entities';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...baseDataSourceOptions(config.DATABASE_URL),
        entities: ENTITIES,
        // Fail fast at boot (the demo script checks the database before starting us anyway).
        retryAttempts: 2,
        retryDelay: 500,
        extra: { max: 10, connectionTimeoutMillis: 5000 },
      }),
    }),
  ],
})
export class DatabaseModule {}
