import type { PersonRepository } from '../erp/ports.js';
import type { Clock } from '../time/clock.js';
import type { UserStore } from './ports.js';
import type { PasswordLinks } from './password-links.js';
import { isWorkspaceLanguage, normalEmail, type Role, type User, type WorkspaceLanguage } from './user.js';

export interface AddUser {
  email: string;
  role: Role;
  name: string | null;
  language: WorkspaceLanguage | null;
}

export type AddedUser = { added: true; user: User; link: { token: string; expiresAt: string } } | { added: false; reason: 'exists' };

/** Adding users and handing them a way in. */
export class UserAccounts {
  constructor(
    private readonly users: UserStore,
    private readonly persons: PersonRepository,
    private readonly links: PasswordLinks,
    private readonly clock: Clock,
    private readonly defaultLanguage: WorkspaceLanguage,
  ) {}

  /**
   * A salesperson is linked to the ERP person with the same email, whose name and language
   * stand in for those not given: runs name that person as their salesperson.
   */
  async add(input: AddUser): Promise<AddedUser> {
    const email = normalEmail(input.email);
    const person = input.role === 'salesperson' ? await this.persons.findByEmail(email) : null;
    const personLanguage = isWorkspaceLanguage(person?.language) ? person.language : null;
    const user = await this.users.add({
      email,
      name: input.name ?? person?.name ?? email,
      role: input.role,
      language: input.language ?? personLanguage ?? this.defaultLanguage,
      personNumber: person?.number ?? null,
      createdAt: this.clock.now().toISOString(),
    });
    if (!user) return { added: false, reason: 'exists' };
    return { added: true, user, link: await this.links.issue(user.id) };
  }

  /** A new one-time link for a user who has lost theirs or their password. */
  async newLink(email: string): Promise<{ user: User; link: { token: string; expiresAt: string } } | null> {
    const user = await this.users.byEmail(normalEmail(email));
    return user ? { user, link: await this.links.issue(user.id) } : null;
  }

  list(): Promise<User[]> {
    return this.users.list();
  }
}
