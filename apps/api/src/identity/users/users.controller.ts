import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../../core/access.decorators';
import { idParamsSchema } from '../../common/schemas';
import { SecretInAnswer } from '../../idempotency/idempotency.interceptor';
import { InvitedUserDto, InviteUserDto, UpdateUserDto, UserDto, UserListQueryDto, UserPageDto } from './users.schemas';
import { UsersService } from './users.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Can('users:read')
  @ApiOperation({ summary: 'Staff of the agency' })
  @ZodResponse({ status: 200, type: UserPageDto })
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query.limit, query.cursor);
  }

  @Post()
  @Can('users:manage')
  @SecretInAnswer('inviteToken', 'inviteUrl')
  @ApiOperation({ summary: 'Invite a staff member: the answer carries an invite link valid 7 days' })
  @ZodResponse({ status: 201, type: InvitedUserDto })
  invite(@Body() body: InviteUserDto) {
    return this.users.invite(body);
  }

  @Patch(':id')
  @Can('users:manage')
  @ApiOperation({ summary: 'Change a role or name' })
  @ZodResponse({ status: 200, type: UserDto })
  update(@Param() params: IdParams, @Body() body: UpdateUserDto) {
    return this.users.update(params.id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Can('users:manage')
  @ApiOperation({ summary: 'Deactivate a user: their tokens stop working at once' })
  @ZodResponse({ status: 200, type: UserDto })
  deactivate(@Param() params: IdParams) {
    return this.users.deactivate(params.id);
  }
}
