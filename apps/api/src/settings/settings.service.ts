import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppSetting } from './app-setting.entity';

export const DEMO_DATA_KEY = 'demo_data';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(AppSetting) private readonly settings: Repository<AppSetting>) {}

  async demoLoaded(): Promise<boolean> {
    return (await this.settings.countBy({ key: DEMO_DATA_KEY })) > 0;
  }
}
