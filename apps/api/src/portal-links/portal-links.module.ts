import { Global, Module } from '@nestjs/common';
import { PortalLinksRepository } from './portal-links.repository';
import { PortalLinksService } from './portal-links.service';

/** One-time portal log-in links, made by the portal's log-in, by staff and by the review e-mails. */
@Global()
@Module({ providers: [PortalLinksService, PortalLinksRepository], exports: [PortalLinksService] })
export class PortalLinksModule {}
