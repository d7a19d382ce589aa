/** How long what sign-in hands out stays good; from the config's `web` section. */
export interface AccountSettings {
  /** A session nobody used for this long is over. */
  sessionIdleMs: number;
  /** A session is over this long after sign-in, however busy. */
  sessionMaxMs: number;
  passwordLinkMs: number;
}

/** Long enough that no passphrase manager's output is refused; short enough that hashing one is cheap. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;
