import { Module } from '@nestjs/common';
import { NotificationsController, PreferencesController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** In-app notifications of staff users and their e-mail preferences per reminder kind. */
@Module({
  controllers: [NotificationsController, PreferencesController],
  providers: [NotificationsService, NotificationsRepository],
})
export class NotificationsModule {}
