import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';

@Module({ imports: [TypeOrmModule.forFeature([OfficerAppointment])], controllers: [OfficersController], providers: [OfficersService] })
export class OfficersModule {}
