import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseNoticeIssues, VIOLATION_TYPES } from '@poa/domain';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { NoticeParseDto, ParseNoticeDto, ViolationTypeListDto } from './notices.schemas';

/** Reading Amazon's notices and the violation catalogue: pure functions of libs/domain, nothing stored. */
@ApiTags('notices')
@Controller()
export class NoticesController {
  @Post('notices/parse')
  @HttpCode(200)
  @Can('cases:read')
  @ApiOperation({
    summary: 'Read a pasted Amazon notice: marketplace, Section 3, scope, deadline, invoice window, funds hold and each issue it names',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: NoticeParseDto })
  parse(@Body() body: ParseNoticeDto) {
    return parseNoticeIssues(body.text, body.receivedAt ? new Date(body.receivedAt) : new Date());
  }

  @Get('violation-types')
  @Can('cases:read')
  @ApiOperation({ summary: 'The violation catalogue: the path each type usually takes, its default deadline and the evidence it needs' })
  @ZodResponse({ status: 200, type: ViolationTypeListDto })
  violationTypes() {
    return {
      data: VIOLATION_TYPES.map((v) => ({
        key: v.key,
        label: v.label,
        path: v.path,
        defaultDeadlineHours: v.defaultDeadlineHours,
        evidence: v.evidence.map((e) => ({ ...e })),
      })),
    };
  }
}
