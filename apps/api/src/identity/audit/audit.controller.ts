import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { Can } from '../../core/access.decorators';
import { listQuerySchema, pageSchema } from '../../common/pagination';
import { AuditService } from './audit.service';

const auditEventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
class AuditPageDto extends createZodDto(pageSchema(auditEventSchema)) {}
class AuditQueryDto extends createZodDto(listQuerySchema) {}

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Can('audit:read')
  @ApiOperation({ summary: 'Security events of the agency, newest first' })
  @ZodResponse({ status: 200, type: AuditPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit, query.cursor);
  }
}
