import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { PdfsModule } from '../pdfs/pdfs.module';
import { LoginLinkRateLimit } from './login-link-rate-limit';
import { CasePortalLinksController, ContactLoginLinksController, PortalAuthController } from './portal-auth.controller';
import { PortalAuthRepository } from './portal-auth.repository';
import { PortalAuthService } from './portal-auth.service';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';

/** The client portal: magic-link log-in, review, approval and downloads for a client's contacts. */
@Module({
  imports: [CasesModule, PdfsModule, AttachmentsModule, EvidenceModule],
  controllers: [PortalAuthController, ContactLoginLinksController, CasePortalLinksController, PortalController],
  providers: [PortalAuthService, PortalService, LoginLinkRateLimit, PortalRepository, PortalAuthRepository],
})
export class PortalModule {}
