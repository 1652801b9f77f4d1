import { Body, CanActivate, Controller, ExecutionContext, Get, HttpCode, Injectable, Post, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { ApiErrors } from '../../core/api-errors';
import { BodyMatches } from '../../common/body-matches.guard';
import { SecretInAnswer } from '../../idempotency/idempotency.interceptor';
import { Can, CurrentPrincipal, Public } from '../../core/access.decorators';
import { AcceptInviteDto, ChangePasswordDto, ConfirmEmailDto, LoginDto, loginSchema, MeDto, SessionDto, SignupDto } from './auth.schemas';
import { AuthService, type Session } from './auth.service';
import { EmailConfirmation } from './email-confirmation';
import { LoginRateLimit } from './login-rate-limit';
import { SignupRateLimitGuard } from './signup-rate-limit';
import type { Principal } from '../../core/permissions';
import { SameOriginGuard } from './same-origin.guard';
import type { UserRow } from '../users/users.repository';

export const REFRESH_COOKIE = 'poa_refresh';
const COOKIE_PATH = '/api/v1/auth';

/** Counts the attempt before the password is checked, so guessing costs the attacker the limit either way. */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(private readonly rateLimit: LoginRateLimit) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    await this.rateLimit.consume(email, req.ip ?? 'unknown');
    return true;
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly rateLimit: LoginRateLimit,
    private readonly confirmation: EmailConfirmation,
  ) {}

  @Post('signup')
  @Public()
  @UseGuards(SignupRateLimitGuard)
  @ApiOperation({
    summary: 'Create an agency (tenant) and its owner',
    description:
      'The same answer whether or not the address already has an account (no account enumeration): a session for the new agency. ' +
      'The address is then emailed a confirmation link (POST /api/v1/auth/confirm-email), or, when another account holds it, ' +
      'that account is told someone tried; only a confirmed account logs in with its password.',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (SIGNUP_RATE_LIMIT_PER_IP sign-ups an hour per IP), with Retry-After' })
  @ZodResponse({ status: 201, type: SessionDto })
  async signup(@Body() body: SignupDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.auth.signup(body, req.ip ?? null));
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(BodyMatches(loginSchema), LoginRateLimitGuard, AuthGuard('local'))
  @ApiOperation({ summary: 'Log in with email and password; sets the refresh cookie' })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS (same answer for an unknown email and an unconfirmed address)' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  @ZodResponse({ status: 200, type: SessionDto })
  async login(@Body() _body: LoginDto, @Req() req: Request & { user: UserRow }, @Res({ passthrough: true }) res: Response) {
    await this.rateLimit.reset(req.user.email, req.ip ?? 'unknown');
    return this.respond(res, await this.auth.login(req.user, req.ip ?? null));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(SameOriginGuard)
  @ApiErrors('CROSS_SITE_REQUEST')
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)' })
  @ZodResponse({ status: 200, type: SessionDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @UseGuards(SameOriginGuard)
  @ApiErrors('CROSS_SITE_REQUEST')
  @ApiOperation({ summary: 'Revoke the refresh token family and clear the cookie' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Post('accept-invite')
  @Public()
  @ApiOperation({ summary: 'Set a password for an invited user and log in' })
  @ZodResponse({ status: 201, type: SessionDto })
  async acceptInvite(@Body() body: AcceptInviteDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.auth.acceptInvite(body.token, body.password, req.ip ?? null));
  }

  @Post('confirm-email')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'Confirm an email address with the emailed link; the account then logs in with its password',
    description:
      'Sign-up and accepted invites create accounts whose address is unconfirmed: they get a session at once, but log in with their password only once this is done.',
  })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED on the field token: forged, expired, used, or the address was confirmed by another account (one answer for all)',
  })
  async confirmEmail(@Body() body: ConfirmEmailDto): Promise<void> {
    await this.confirmation.confirm(body.token);
  }

  @Post('password')
  @HttpCode(200)
  @Can('me:read')
  @SecretInAnswer('accessToken')
  @ApiOperation({ summary: 'Change your password; every other session ends' })
  @ZodResponse({ status: 200, type: SessionDto })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.auth.changePassword(principal.id, body.currentPassword, body.newPassword));
  }

  private respond(res: Response, session: Session) {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: res.req.secure,
      path: COOKIE_PATH,
      maxAge: 30 * 24 * 3600 * 1000,
    });
    const { refreshToken: _hidden, ...body } = session;
    return body;
  }
}

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Can('me:read')
  @ApiOperation({ summary: 'The logged-in user and their agency' })
  @ZodResponse({ status: 200, type: MeDto })
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal.id);
  }
}
