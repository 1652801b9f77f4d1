import { Body, Controller, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiCookieAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Can, CurrentPrincipal, Public } from '../core/access.decorators';
import type { Principal } from '../core/permissions';
import { ApiErrors } from '../core/api-errors';
import { SecretInAnswer } from '../idempotency/idempotency.interceptor';
import { clearPortalSessionCookie, PORTAL_SESSION_COOKIE, setPortalSessionCookie } from '../identity/auth/portal-session-cookie';
import { SameOriginGuard } from '../identity/auth/same-origin.guard';
import { PORTAL_SESSION_TTL_SECONDS } from '../identity/auth/tokens.service';
import {
  CasePortalLinkRequestDto,
  ContactLinkParams,
  LoginLinkAcceptedDto,
  LoginLinkRequestDto,
  PortalSessionDto,
  PortalCaseParams,
  PortalSessionRequestDto,
  StaffLoginLinkDto,
} from './portal.schemas';
import { PortalAuthService } from './portal-auth.service';

@ApiTags('portal')
@Controller('portal')
export class PortalAuthController {
  constructor(private readonly auth: PortalAuthService) {}

  @Post('login-link')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Email a one-time log-in link (valid 15 minutes) to every contact with this address',
    description:
      'Always 202, known address or not (no account enumeration); at most 5 links per address per 15 minutes, further requests send nothing.',
  })
  @ApiAcceptedResponse({ type: LoginLinkAcceptedDto })
  @ZodResponse({ status: 202, type: LoginLinkAcceptedDto })
  async loginLink(@Body() body: LoginLinkRequestDto) {
    await this.auth.emailLoginLinks(body.email);
    return { message: 'If this address belongs to a contact, a log-in link is on its way. It works once, within 15 minutes.' };
  }

  @Post('session')
  @HttpCode(200)
  @Public()
  @UseGuards(SameOriginGuard)
  @ApiOperation({
    summary: 'Exchange a log-in link token, once, for a portal access token (8 hours) scoped to the contact’s client',
    description: `Also sets the httpOnly cookie ${PORTAL_SESSION_COOKIE} (path /api/v1/portal, 8 hours), replacing any earlier portal session of this browser: the portal's requests are authenticated by it. A bearer token, when sent, takes precedence.`,
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED on the field token: forged, unknown, expired or already used (one answer for all)',
  })
  @ApiErrors('CROSS_SITE_REQUEST', 'TENANT_DELETION_SCHEDULED')
  @ZodResponse({ status: 200, type: PortalSessionDto })
  async session(@Body() body: PortalSessionRequestDto, @Res({ passthrough: true }) res: Response) {
    const session = await this.auth.exchange(body.token);
    setPortalSessionCookie(res, session.accessToken, PORTAL_SESSION_TTL_SECONDS);
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @Can('portal')
  @ApiCookieAuth(PORTAL_SESSION_COOKIE)
  @ApiOperation({
    summary: 'Log out: every portal access token of this contact stops working (on every device), and the session cookie is cleared',
  })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiErrors('CROSS_SITE_REQUEST')
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(principal.id);
    clearPortalSessionCookie(res);
  }
}

@ApiTags('portal')
@Controller('clients/:id/contacts/:contactId/login-links')
export class ContactLoginLinksController {
  constructor(private readonly auth: PortalAuthService) {}

  @Post()
  @Can('clients:write')
  @SecretInAnswer('url', 'token')
  @ApiOperation({ summary: 'Create a one-time portal log-in link (15 minutes) for a contact, to share yourself' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 201, type: StaffLoginLinkDto })
  create(@Param() params: ContactLinkParams) {
    return this.auth.linkForContact(params.id, params.contactId);
  }
}

@ApiTags('portal')
@Controller('cases/:id/portal-links')
export class CasePortalLinksController {
  constructor(private readonly auth: PortalAuthService) {}

  @Post()
  @Can('clients:write')
  @SecretInAnswer('url', 'token')
  @ApiOperation({
    summary: 'Create a one-time portal link (15 minutes) that opens this case for a contact of its client, to share yourself',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 201, type: StaffLoginLinkDto })
  create(@Param() params: PortalCaseParams, @Body() body: CasePortalLinkRequestDto) {
    return this.auth.linkForCase(params.id, body.contactId);
  }
}
