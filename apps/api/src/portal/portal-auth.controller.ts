import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can, CurrentPrincipal, Public } from '../core/access.decorators';
import type { Principal } from '../core/permissions';
import { ApiErrors } from '../core/api-errors';
import { SecretInAnswer } from '../idempotency/idempotency.interceptor';
import {
  ContactLinkParams,
  LoginLinkAcceptedDto,
  LoginLinkRequestDto,
  PortalSessionDto,
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
  @ApiOperation({ summary: 'Exchange a log-in link token, once, for a portal access token (8 hours) scoped to the contact’s client' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED on the field token: forged, unknown, expired or already used (one answer for all)',
  })
  @ZodResponse({ status: 200, type: PortalSessionDto })
  session(@Body() body: PortalSessionRequestDto) {
    return this.auth.exchange(body.token);
  }

  @Post('logout')
  @HttpCode(204)
  @Can('portal')
  @ApiOperation({ summary: 'Log out: every portal access token of this contact stops working (on every device)' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal.id);
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
