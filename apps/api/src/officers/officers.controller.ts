import { Body, Controller, Get, HttpCode, Param, Patch, Post, StreamableFile, UploadedFile } from '@nestjs/common';
import { AcceptsFile } from '../common/http/accepts-file';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APPOINTMENT_ACT_MAX_BYTES, Permission, type AppointmentView } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CreateAppointmentDto, EndAppointmentDto, UpdateAppointmentDto } from './dto/appointment.dto';
import { OfficersService } from './officers.service';

@ApiTags('officers')
@Controller({ version: '1' })
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @Get('institutions/:code/officers')
  @Public()
  @ApiOperation({
    summary:
      "An administration's ROD and GdD appointments, current and past; contacts only for coordinators and the administration itself",
  })
  list(@Param('code') code: string, @Caller() caller: ActorContext): Promise<AppointmentView[]> {
    return this.officers.listFor(code, caller);
  }

  @Post('institutions/:code/officers')
  @Authorize(Permission.OfficerManage)
  @ApiOperation({ summary: 'Appoint a ROD or GdD (one active ROD per administration; an interim may stand in)' })
  create(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
    @Body() dto: CreateAppointmentDto,
  ): Promise<AppointmentView> {
    return this.officers.create(caller, code, dto);
  }

  @Patch('officers/:id')
  @Authorize(Permission.OfficerManage)
  @ApiOperation({ summary: 'Correct an appointment (send the version you read)' })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('officerAppointment')) id: string,
    @Body() dto: UpdateAppointmentDto,
  ): Promise<AppointmentView> {
    return this.officers.update(caller, id, dto);
  }

  @Post('officers/:id/end')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @ApiOperation({ summary: 'End an appointment, with a date and a reason; it stays in the history' })
  end(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('officerAppointment')) id: string,
    @Body() dto: EndAppointmentDto,
  ): Promise<AppointmentView> {
    return this.officers.end(caller, id, dto);
  }

  @Post('officers/:id/act')
  @HttpCode(200)
  @Authorize(Permission.OfficerManage)
  @AcceptsFile({ limits: { fileSize: APPOINTMENT_ACT_MAX_BYTES, files: 1, fields: 2 } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Attach the scanned appointing act (PDF, PNG or JPEG, ≤ 5 MB)' })
  attachAct(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('officerAppointment')) id: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<AppointmentView> {
    return this.officers.attachAct(caller, id, file);
  }

  @Get('officers/:id/act')
  @Authorize(Permission.OfficerManage)
  @ApiOperation({ summary: 'Download the appointing act (coordinators and the administration itself)' })
  async act(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('officerAppointment')) id: string,
  ): Promise<StreamableFile> {
    const file = await this.officers.openAct(caller, id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
