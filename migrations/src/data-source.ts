// The TypeORM CLI's data source (migration:generate / migration:run). Entities are found by path so that this
// library never imports the application.
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from './index';

export default new DataSource({
  ...baseDataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/halaqa'),
  entities: [join(__dirname, '../../api/src/**/*.entity.ts')],
});
