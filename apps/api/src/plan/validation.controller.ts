import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ProgressUpdateView } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  ReturnProgressUpdateDto,
  ReviseProgressUpdateDto,
  ValidateProgressUpdateDto,
} from './dto/create-progress-update.dto';
import { ValidationService } from './validation.service';

@ApiTags('validation')
@Controller({ version: '1' })
export class ValidationController {
  constructor(private readonly validation: ValidationService) {}

  @Get('validation-queue')
  @Authorize(Permission.ProgressValidate)
  @ApiOperation({
    summary:
      'Submitted progress reports awaiting validation, oldest first, with activity, administration, author and evidence',
  })
  @ApiOkResponse({ description: 'ValidationQueue: `items` (the oldest 25), `total`, `oldestSubmittedAt`' })
  async queue(@Req() request: Request, @Res() response: Response): Promise<void> {
    (await this.validation.queueBody()).send(request, response);
  }

  @Post('progress-updates/:id/validate')
  @Authorize(Permission.ProgressValidate)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Validate a submitted report: it becomes official and, when newest, sets the activity's status and progress (409 if not submitted)",
  })
  validate(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('progressUpdate')) id: string,
    @Body() dto: ValidateProgressUpdateDto,
  ): Promise<ProgressUpdateView> {
    return this.validation.validate(caller, id, dto);
  }

  @Post('progress-updates/:id/return')
  @Authorize(Permission.ProgressValidate)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Return a submitted report to its administration with a comment (required); no figure changes',
  })
  returnToAuthor(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('progressUpdate')) id: string,
    @Body() dto: ReturnProgressUpdateDto,
  ): Promise<ProgressUpdateView> {
    return this.validation.returnToAuthor(caller, id, dto);
  }

  @Patch('progress-updates/:id')
  @Authorize(Permission.ProgressReport)
  @ApiOperation({
    summary:
      "Correct a draft or returned report of one's administration and submit it again (send the version read; 409 if stale or already submitted)",
  })
  revise(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('progressUpdate')) id: string,
    @Body() dto: ReviseProgressUpdateDto,
  ): Promise<ProgressUpdateView> {
    return this.validation.revise(caller, id, dto);
  }
}
