import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionView } from '@marsad/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { ActorContext, SignedInContext } from './actor';
import { Authorize, Caller, Public, SignedInCaller, SignInLimited, type AuthedRequest } from './auth.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto, ResetPasswordDto, SignInDto } from './dto/sign-in.dto';
import { User } from './entities/user.entity';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('session')
  @Public()
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token to send with writes' })
  async session(@Caller() caller: ActorContext, @Req() request: AuthedRequest): Promise<SessionView> {
    if (!caller.actor) return { user: null, csrfToken: null, expiresAt: null };
    const resolved = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    const user = await this.dataSource
      .getRepository(User)
      .findOneOrFail({ where: { id: caller.actor.userId }, relations: { institution: true } });
    return resolved ? this.auth.view(user, resolved.session) : { user: null, csrfToken: null, expiresAt: null };
  }

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  @SignInLimited()
  @ApiOperation({ summary: 'Sign in with email and password; sets an httpOnly session cookie' })
  async signIn(
    @Body() dto: SignInDto,
    @Caller() caller: ActorContext,
    @Req() request: AuthedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const { token, view } = await this.auth.signIn(dto.email, dto.password, caller.meta);
    if (caller.actor) await this.sessions.close(caller.actor.sessionId);
    response.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions(request.secure));
    return view;
  }

  @Post('sign-out')
  @HttpCode(204)
  @Authorize()
  @ApiOperation({ summary: 'End this session' })
  async signOut(
    @Caller() caller: ActorContext,
    @Req() request: AuthedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (caller.actor) await this.sessions.close(caller.actor.sessionId);
    response.clearCookie(SESSION_COOKIE, { ...this.sessions.cookieOptions(request.secure), maxAge: undefined });
  }

  @Post('password')
  @HttpCode(204)
  @Authorize()
  @ApiOperation({ summary: 'Change your own password (signs out your other sessions)' })
  async changePassword(@Body() dto: ChangePasswordDto, @SignedInCaller() caller: SignedInContext): Promise<void> {
    await this.auth.changePassword(caller, dto.currentPassword, dto.newPassword);
  }

  @Post('reset')
  @HttpCode(204)
  @Public()
  @SignInLimited()
  @ApiOperation({ summary: 'Set a password with a one-time reset link' })
  resetPassword(@Body() dto: ResetPasswordDto, @Caller() caller: ActorContext): Promise<void> {
    return this.auth.resetPassword(dto.token, dto.newPassword, caller.meta);
  }
}
