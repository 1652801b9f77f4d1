import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { APP_CONFIG } from '../core/tokens';
import { createFileStorage } from '@poa/storage';

export const FILE_STORAGE = Symbol('FILE_STORAGE');

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createFileStorage(config) }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
