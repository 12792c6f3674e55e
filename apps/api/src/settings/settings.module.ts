import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppSetting } from './app-setting.entity';
import { SettingsService } from './settings.service';
import { SigningKeys } from './signing-keys';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AppSetting])],
  providers: [SettingsService, SigningKeys],
  exports: [SettingsService, SigningKeys],
})
export class SettingsModule {}
