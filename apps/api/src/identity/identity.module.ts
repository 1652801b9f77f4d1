import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '@poa/config';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditController } from './audit/audit.controller';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { APP_CONFIG } from '../core/tokens';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { AuthController, LoginRateLimitGuard, MeController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository';
import { TenantsRepository } from './auth/tenants.repository';
import { PortalSessionsRepository } from './auth/portal-sessions.repository';
import { EmailConfirmation } from './auth/email-confirmation';
import { LoginRateLimit } from './auth/login-rate-limit';
import { SignupRateLimitGuard } from './auth/signup-rate-limit';
import { StaffAccessCache } from './auth/staff-access-cache';
import { ApiKeyStrategy, PasswordStrategy, PortalJwtStrategy, StaffJwtStrategy } from './auth/strategies';
import { jwtKey, TokensService } from './auth/tokens.service';

/** Agencies, staff, sessions, API keys and the audit trail. */
@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: jwtKey(config.JWT_SECRET),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController, ApiKeysController, AuditController],
  providers: [
    UsersRepository,
    TenantsRepository,
    RefreshTokensRepository,
    PortalSessionsRepository,
    ApiKeysRepository,
    AuditRepository,
    AuthService,
    EmailConfirmation,
    TokensService,
    LoginRateLimit,
    LoginRateLimitGuard,
    SignupRateLimitGuard,
    UsersService,
    ApiKeysService,
    AuditService,
    PasswordStrategy,
    StaffJwtStrategy,
    StaffAccessCache,
    PortalJwtStrategy,
    ApiKeyStrategy,
  ],
  exports: [AuditService, TokensService, AuthService, StaffJwtStrategy],
})
export class IdentityModule {}
