import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type Page, type ResetLinkView, type UserView } from '@marsad/contracts';
import type { SignedInContext } from '../auth/actor';
import { Authorize, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Accounts, paged, searchable by name or email' })
  list(@Query() query: UserQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Post()
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Create an account; returns a one-time link for the person to set a password' })
  create(
    @SignedInCaller() caller: SignedInContext,
    @Body() dto: CreateUserDto,
  ): Promise<{ user: UserView; resetLink: ResetLinkView; invitationEmailed: boolean }> {
    return this.users.create(caller, dto);
  }

  @Patch(':id')
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Change role, institution, language or active flag (send the version you read)' })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('user')) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(caller, id, dto);
  }

  @Post(':id/reset-link')
  @HttpCode(201)
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Issue a one-time password link (48 h); earlier links stop working' })
  resetLink(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('user')) id: string,
  ): Promise<ResetLinkView> {
    return this.users.resetLink(caller, id);
  }
}
