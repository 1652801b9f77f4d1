import { Injectable } from '@nestjs/common';
import { TenantDb } from '@poa/db';
import { AppError } from '../core/errors';
import { contactView } from './client-views';
import { isUniqueViolation } from '../common/sql-patterns';
import { ContactsRepository } from './contacts.repository';

const emailTaken = () =>
  new AppError('CONFLICT', 'This client already has a contact with this email', [
    { field: 'email', message: 'already a contact of this client' },
  ]);

@Injectable()
export class ContactsService {
  constructor(
    private readonly db: TenantDb,
    private readonly contacts: ContactsRepository,
  ) {}

  async list(clientId: string) {
    const rows = await this.contacts.listOfClient(clientId);
    if (rows.length === 0) throw AppError.notFound('Client');
    return { data: rows.filter((r) => r.id !== null).map(contactView) };
  }

  async create(clientId: string, input: { name: string; email: string }) {
    return this.db.transaction(async (tx) => {
      if (!(await this.contacts.shareClient(tx, clientId))) throw AppError.notFound('Client');
      try {
        return contactView(await this.contacts.insert(tx, clientId, input));
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    });
  }

  /** A new e-mail address ends the contact's portal sessions: they were opened by links sent to the old one. */
  async update(clientId: string, contactId: string, input: { name?: string; email?: string }) {
    return this.db.transaction(async (tx) => {
      try {
        const row = await this.contacts.update(tx, clientId, contactId, input);
        if (!row) throw AppError.notFound('Contact');
        return contactView(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    });
  }

  /** Approvals keep a copy of the contact's name and email, so removing a contact never changes a recorded proof. */
  async remove(clientId: string, contactId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await this.contacts.delete(tx, clientId, contactId))) throw AppError.notFound('Contact');
    });
  }
}
