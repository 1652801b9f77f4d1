import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema } from '../common/schemas';
import { ApiErrors } from '../core/api-errors';
import { CommentDto, CommentListQueryDto, CommentPageDto, CommentParams, CreateCommentDto } from './comments.schemas';
import { CommentsService } from './comments.service';

class IdParams extends createZodDto(idParamsSchema) {}

@ApiTags('comments')
@Controller('cases/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @Can('cases:write')
  @ApiOperation({ summary: 'Comment (internal: staff only; shared: the client sees it); parentId replies in a thread' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 201, type: CommentDto })
  create(@Param() params: IdParams, @Body() body: CreateCommentDto) {
    return this.comments.create(params.id, body);
  }

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'Comments of the case, oldest first' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: CommentPageDto })
  list(@Param() params: IdParams, @Query() query: CommentListQueryDto) {
    return this.comments.list(params.id, query);
  }

  @Get(':commentId')
  @Can('cases:read')
  @ApiOperation({ summary: 'One comment' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: CommentDto })
  get(@Param() params: CommentParams) {
    return this.comments.get(params.id, params.commentId);
  }
}
