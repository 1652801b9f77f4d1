import { Injectable } from '@nestjs/common';
import { timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { notificationView, preferencesView } from './notification-views';
import { NotificationsRepository } from './notifications.repository';
import type { PreferencesInput } from './notifications.schemas';

/** The logged-in user's notifications (the worker's reminder scheduler writes them) and e-mail preferences. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  async list(userId: string, limit: number, cursor: string | undefined) {
    const [rows, unreadCount] = await Promise.all([
      this.repo.page(userId, limit, timeCursor.decode(cursor)),
      this.repo.unreadCount(userId),
    ]);
    return { ...toPage(rows, limit, notificationView, (r) => timeCursor.encode(r.created_at, r.id)), unreadCount };
  }

  async markRead(userId: string, id: string) {
    const row = await this.repo.markRead(userId, id);
    if (!row) throw AppError.notFound('Notification');
    return notificationView(row);
  }

  async preferences(userId: string) {
    return preferencesView(await this.repo.preferences(userId));
  }

  async updatePreferences(userId: string, input: PreferencesInput) {
    const email = Object.fromEntries(Object.entries(input.email).filter(([, on]) => on !== undefined)) as Record<string, boolean>;
    return preferencesView(await this.repo.mergePreferences(userId, email));
  }
}
