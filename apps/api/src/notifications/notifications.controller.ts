import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can, CurrentPrincipal } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import type { Principal } from '../core/permissions';
import {
  NotificationDto,
  NotificationListQueryDto,
  NotificationPageDto,
  PreferencesDto,
  PreferencesInputDto,
} from './notifications.schemas';
import { NotificationsService } from './notifications.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Can('me:read')
  @ApiOperation({ summary: "The user's own notifications (reminders), newest first, with the unread count" })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: NotificationPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(principal.id, query.limit, query.cursor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Can('me:read')
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiErrors('NOT_FOUND')
  @ZodResponse({ status: 200, type: NotificationDto })
  read(@CurrentPrincipal() principal: Principal, @Param() params: IdParams) {
    return this.notifications.markRead(principal.id, params.id);
  }
}

@ApiTags('notifications')
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Can('me:read')
  @ApiOperation({ summary: 'Your e-mail preferences per reminder kind' })
  @ZodResponse({ status: 200, type: PreferencesDto })
  get(@CurrentPrincipal() principal: Principal) {
    return this.notifications.preferences(principal.id);
  }

  @Put()
  @Can('me:read')
  @ApiOperation({ summary: 'Turn e-mail per reminder kind on or off (in-app notifications always appear)' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: PreferencesDto })
  update(@CurrentPrincipal() principal: Principal, @Body() body: PreferencesInputDto) {
    return this.notifications.updatePreferences(principal.id, body);
  }
}
