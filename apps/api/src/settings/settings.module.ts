import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppSetting } from './app-setting.entity';
import { SettingsService } from './settings.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([AppSetting])], providers: [SettingsService], exports: [SettingsService] })
export class SettingsModule {}
