import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { FindingsQueryDto, FindingsReportDto, OutcomesQueryDto, OutcomesReportDto, outcomesReportSchema } from './reports.schemas';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('outcomes')
  @Can('reports:read')
  @ApiOperation({
    summary: "Win rates of the agency's decided cases by violation type, writer, month, round or path",
    description:
      'A case is decided when the last outcome Amazon gave it is reinstated or denied; it counts in the period of that ' +
      'decision. format=csv (or Accept: text/csv) answers the rows as CSV with a header row.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OutcomesReportDto })
  @ApiErrors('VALIDATION_FAILED')
  async outcomes(@Query() query: OutcomesQueryDto, @Req() req: Request, @Res() res: Response) {
    const asCsv = query.format === 'csv' || req.accepts(['application/json', 'text/csv']) === 'text/csv';
    res.vary('Accept');
    if (asCsv) {
      const day = new Date().toISOString().slice(0, 10);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`outcomes-by-${query.groupBy}-${day}.csv`)
        .send(await this.reports.outcomesCsv(query));
    } else res.json(outcomesReportSchema.parse(await this.reports.outcomes(query)));
  }

  @Get('findings')
  @Can('reports:read')
  @ApiOperation({
    summary: 'For each checker rule, the win rate of decided cases whose submitted version had that finding against those without it',
    description: "The version submitted last before each decision, checked with today's checker.",
  })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: FindingsReportDto })
  findings(@Query() query: FindingsQueryDto) {
    return this.reports.findings(query);
  }
}
