import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IdentityModule } from '../identity/identity.module';
import { ObservabilityModule } from '../observability/observability.module';
import { FastCaseReads } from './fast-case-reads';

@Module({ imports: [IdentityModule, CasesModule, ObservabilityModule], providers: [FastCaseReads], exports: [FastCaseReads] })
export class FastReadsModule {}
