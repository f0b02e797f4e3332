import type { FactoryProvider } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Where attachments live. Keys are opaque (`ab/cd/<uuid>`), never a user's file name. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, streamed; throws when the key holds nothing. */
  open(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** Nest provider of FILE_STORE: the local store in FILES_DIR. */
export const fileStoreProvider: FactoryProvider<FileStore> = {
  provide: FILE_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new LocalFileStore(config.FILES_DIR),
};

/** The shape of every key `newFileKey` makes. */
export const FILE_KEY = /^[a-z0-9]{2}\/[a-z0-9]{2}\/[a-z0-9-]{36}$/;

/** A FileStore in a local directory (FILES_DIR). An S3 implementation can take its place later. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  private pathOf(key: string): string {
    if (!FILE_KEY.test(key)) throw new Error(`Invalid file key`);
    return join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, { flag: 'wx' });
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** A fresh key for a new file: two levels of directories so none grows too large. */
export function newFileKey(id: string): string {
  const hex = id.replace(/-/g, '');
  return `${hex.slice(0, 2)}/${hex.slice(2, 4)}/${id}`;
}
