/** Who may sign in to the workspace: the seller's salespeople, and admins who manage it. */
export const ROLES = ['salesperson', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The workspace's languages (ISO 639-1), the first the default when nothing else says. */
export const WORKSPACE_LANGUAGES = ['fi', 'en', 'sv'] as const;
export type WorkspaceLanguage = (typeof WORKSPACE_LANGUAGES)[number];

export const isWorkspaceLanguage = (value: string | null | undefined): value is WorkspaceLanguage =>
  (WORKSPACE_LANGUAGES as readonly string[]).includes(value ?? '');

export interface User {
  id: number;
  /** Lower case: one address is one account however it is typed. */
  email: string;
  name: string;
  role: Role;
  language: WorkspaceLanguage;
  /** The ERP person with the same email, for a salesperson: what "mine" means for runs. */
  personNumber: string | null;
  hasPassword: boolean;
  createdAt: string;
}

export const normalEmail = (email: string) => email.trim().toLowerCase();
