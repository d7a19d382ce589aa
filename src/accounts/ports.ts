import type { Role, User, WorkspaceLanguage } from './user.js';

/** What the workspace's sign-in keeps in Offerflow's store. Every secret arrives here hashed. */

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  language: WorkspaceLanguage;
  personNumber: string | null;
  createdAt: string;
}

export interface UserStore {
  /** Null when a user with that email already exists. */
  add(user: NewUser): Promise<User | null>;
  byEmail(email: string): Promise<User | null>;
  byId(id: number): Promise<User | null>;
  list(): Promise<User[]>;
  passwordHashOf(id: number): Promise<string | null>;
  setPasswordHash(id: number, hash: string, at: string): Promise<void>;
  setLanguage(id: number, language: WorkspaceLanguage, at: string): Promise<void>;
}

export interface PasswordLinkStore {
  add(link: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void>;
  /** The user whose link this is, while it is unused and unexpired at `at`. */
  userOf(tokenHash: string, at: string): Promise<number | null>;
  /** Marks the link used and answers its user, once: a second call (or a concurrent one) answers null. */
  use(tokenHash: string, at: string): Promise<number | null>;
}

export interface SessionRecord {
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SessionStore {
  add(session: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void>;
  get(tokenHash: string): Promise<SessionRecord | null>;
  touch(tokenHash: string, at: string): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  removeAllOf(userId: number): Promise<void>;
}

export interface ApiTokenRecord {
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenStore {
  /** False when a token of that name exists. */
  add(token: { name: string; tokenHash: string; createdAt: string }): Promise<boolean>;
  byHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  used(tokenHash: string, at: string): Promise<void>;
  list(): Promise<ApiTokenRecord[]>;
}

export interface LoginAttemptStore {
  /**
   * Counts one more sign-in attempt under `key` and answers the count in its window: a window
   * that started at or before `windowStartedBefore` is over, and this attempt starts a new one.
   * One atomic statement, so attempts made at once are each counted.
   */
  count(key: string, at: string, windowStartedBefore: string): Promise<{ attempts: number; windowStartedAt: string }>;
  /** Takes back one counted attempt (a success from a shared address). */
  uncount(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface AccountStores {
  users: UserStore;
  passwordLinks: PasswordLinkStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  loginAttempts: LoginAttemptStore;
}
