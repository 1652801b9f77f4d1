import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamsSchema } from '../common/schemas';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import {
  ComplianceDocumentsDto,
  ComplianceDocumentsInputDto,
  ListingFixesDto,
  ListingFixesInputDto,
  RetractionDto,
  RetractionInputDto,
  RetractionLetterDto,
} from './resolution.schemas';
import { ResolutionService } from './resolution.service';

class IdParams extends createZodDto(idParamsSchema) {}

/** The work of the case's path besides a POA: retraction (IP), listing fixes, compliance documents. */
@ApiTags('cases')
@Controller('cases/:id')
export class ResolutionController {
  constructor(private readonly resolution: ResolutionService) {}

  @Get('retraction')
  @Can('cases:read')
  @ApiOperation({ summary: 'The retraction tracker (IP complaints): complaint id, rights owner, contact e-mail, dates contacted, status' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: RetractionDto })
  retraction(@Param() params: IdParams) {
    return this.resolution.retraction(params.id);
  }

  @Put('retraction')
  @Can('cases:write')
  @ApiOperation({
    summary: 'Replace the retraction tracker; status not_contacted | contacted | agreed | sent_to_amazon | confirmed',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: RetractionDto })
  saveRetraction(@Param() params: IdParams, @Body() body: RetractionInputDto) {
    return this.resolution.saveRetraction(params.id, body);
  }

  @Get('retraction/letter')
  @Can('cases:read')
  @ApiOperation({
    summary: 'The e-mail the seller sends the rights owner, drafted from the case and the tracker',
    description: 'Asks the rights owner to send the retraction to Amazon themselves: Amazon does not accept forwarded retractions.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: RetractionLetterDto })
  letter(@Param() params: IdParams) {
    return this.resolution.letter(params.id);
  }

  @Get('listing-fixes')
  @Can('cases:read')
  @ApiOperation({ summary: 'The listing changes to make (restricted products, listing policy), each with its confirmation' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ListingFixesDto })
  listingFixes(@Param() params: IdParams) {
    return this.resolution.listingFixes(params.id);
  }

  @Put('listing-fixes')
  @Can('cases:write')
  @ApiOperation({
    summary: 'Replace the listing changes; confirmed: true records who confirmed it and when (kept while it stays confirmed)',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ListingFixesDto })
  saveListingFixes(@Param() params: IdParams, @Body() body: ListingFixesInputDto) {
    return this.resolution.saveListingFixes(params.id, body);
  }

  @Get('compliance-documents')
  @Can('cases:read')
  @ApiOperation({ summary: 'The compliance documents to provide (product safety), each with its uploaded file' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ComplianceDocumentsDto })
  complianceDocuments(@Param() params: IdParams) {
    return this.resolution.complianceDocuments(params.id);
  }

  @Put('compliance-documents')
  @Can('cases:write')
  @ApiOperation({ summary: 'Replace the compliance documents; attachmentId links an uploaded file of this case' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: ComplianceDocumentsDto })
  saveComplianceDocuments(@Param() params: IdParams, @Body() body: ComplianceDocumentsInputDto) {
    return this.resolution.saveComplianceDocuments(params.id, body);
  }
}
