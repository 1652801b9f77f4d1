import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { Client, User } from './entities';
import { snakeCase, type SnakeCase } from './naming';
import { columnsOf, type RowOf } from './table';

describe('table descriptions derived from entities', () => {
  it('lists the chosen columns in snake_case, qualified by an alias on demand', () => {
    const t = columnsOf(Client, ['id', 'sellerId', 'archivedAt']);
    expect(t.table).toBe('clients');
    expect(t.columns).toBe('id, seller_id, archived_at');
    expect(t.as('c')).toBe('c.id, c.seller_id, c.archived_at');
  });

  it('refuses a property that is not a column', () => {
    expect(() => columnsOf(User, ['nope' as 'email'])).toThrow('User.nope is not a column of users');
  });

  it('derives row types whose keys are the column names', () => {
    const picked = columnsOf(Client, ['sellerId', 'archivedAt']);
    const row: typeof picked.$row = { seller_id: null, archived_at: new Date() };
    const full: RowOf<Client> = {
      ...row,
      id: 'x',
      tenant_id: 't',
      created_at: new Date(),
      name: 'n',
      marketplaces: [],
      external_id: null,
      notes: '',
      updated_at: new Date(),
    };
    const key: SnakeCase<'inviteExpiresAt'> = 'invite_expires_at';
    expect([full.seller_id, key, picked.columns]).toEqual([null, 'invite_expires_at', 'seller_id, archived_at']);
  });

  it('every entity property is camelCase without consecutive capitals, so the type-level SnakeCase matches snakeCase', () => {
    const properties = getMetadataArgsStorage().columns.map((c) => c.propertyName);
    expect(properties.length).toBeGreaterThan(50);
    const typeLevel = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const p of properties) {
      expect(p).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(snakeCase(p)).toBe(typeLevel(p));
    }
  });
});
