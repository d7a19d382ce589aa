import type { Kysely, Selectable } from 'kysely';
import type { NewUser, UserStore } from '../accounts/ports.js';
import { isWorkspaceLanguage, ROLES, WORKSPACE_LANGUAGES, type Role, type User, type WorkspaceLanguage } from '../accounts/user.js';
import type { StoreSchema, UserTable } from './schema.js';

function userOf(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : 'salesperson',
    language: isWorkspaceLanguage(row.language) ? row.language : WORKSPACE_LANGUAGES[0],
    personNumber: row.person_number,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

export class KyselyUserStore implements UserStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async add(user: NewUser): Promise<User | null> {
    const row = await this.db
      .insertInto('users')
      .values({ email: user.email, name: user.name, role: user.role, language: user.language, person_number: user.personNumber, password_hash: null, created_at: user.createdAt, updated_at: user.createdAt })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? userOf(row) : null;
  }

  async byEmail(email: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? userOf(row) : null;
  }

  async byId(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userOf(row) : null;
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('email').execute()).map(userOf);
  }

  async passwordHashOf(id: number): Promise<string | null> {
    return (await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst())?.password_hash ?? null;
  }

  async setPasswordHash(id: number, hash: string, at: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', id).execute();
  }

  async setLanguage(id: number, language: WorkspaceLanguage, at: string): Promise<void> {
    await this.db.updateTable('users').set({ language, updated_at: at }).where('id', '=', id).execute();
  }
}
