import { hashForUnknownAccount, verifyPassword } from './password-hash.js';
import type { UserStore } from './ports.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Sessions } from './sessions.js';
import { normalEmail, type User } from './user.js';

export type SignInResult =
  | { outcome: 'signed_in'; user: User; sessionToken: string }
  /** Unknown email, no password set yet, or a wrong password: never said which. */
  | { outcome: 'wrong' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

export class SignIn {
  constructor(
    private readonly users: UserStore,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
  ) {}

  async attempt(email: string, password: string, address: string): Promise<SignInResult> {
    const account = normalEmail(email);
    const throttled = await this.throttle.attempt(account, address);
    if (!throttled.allowed) return { outcome: 'throttled', retryAfterSeconds: throttled.retryAfterSeconds };
    const user = await this.users.byEmail(account);
    const hash = user ? await this.users.passwordHashOf(user.id) : null;
    // Hashing even without an account, so that how long a refusal takes tells nothing.
    const right = await verifyPassword(password, hash ?? (await hashForUnknownAccount()));
    if (!user || !hash || !right) return { outcome: 'wrong' };
    await this.throttle.succeeded(account, address);
    return { outcome: 'signed_in', user, sessionToken: await this.sessions.start(user.id) };
  }
}
