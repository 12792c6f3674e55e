import { Global, Module } from '@nestjs/common';
import { DirectoryStorage, StorageService } from './storage.service';

/** Where uploaded files live: a directory today; another StorageService (an object store) can be bound here. */
@Global()
@Module({ providers: [{ provide: StorageService, useClass: DirectoryStorage }], exports: [StorageService] })
export class StorageModule {}
