import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import { Session } from './entities/session.entity';
import { SignInAttempt } from './entities/sign-in-attempt.entity';
import { User } from './entities/user.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, PasswordResetToken, SignInAttempt])],
  controllers: [AuthController],
  providers: [SessionsService, AuthService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SessionsService, AuthService],
})
export class AuthModule {}
