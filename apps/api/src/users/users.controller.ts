import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type Page, type ResetLinkView, type UserView } from '@marsad/contracts';
import type { Actor, ActorContext } from '../auth/actor';
import { Authorize, Caller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

type SignedIn = ActorContext & { actor: Actor };

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
  create(@Caller() caller: ActorContext, @Body() dto: CreateUserDto): Promise<{ user: UserView; resetLink: ResetLinkView }> {
    return this.users.create(caller as SignedIn, dto);
  }

  @Patch(':id')
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Change role, institution, language or active flag (send the version you read)' })
  update(@Caller() caller: ActorContext, @Param('id', new UuidParamPipe('user')) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(caller as SignedIn, id, dto);
  }

  @Post(':id/reset-link')
  @HttpCode(201)
  @Authorize(Permission.UserManage)
  @ApiOperation({ summary: 'Issue a one-time password link (48 h); earlier links stop working' })
  resetLink(@Caller() caller: ActorContext, @Param('id', new UuidParamPipe('user')) id: string): Promise<ResetLinkView> {
    return this.users.resetLink(caller as SignedIn, id);
  }
}
