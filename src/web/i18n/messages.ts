import type { WorkspaceLanguage } from '../../accounts/user.js';
import { RUN_MESSAGES } from './run-messages.js';

/**
 * Every text of the workspace, one table per language. The English table defines the keys and
 * their parameters; the others are typed by it, so a missing or misspelt key fails typecheck.
 */
const en = {
  skipToContent: 'Skip to content',
  signInTitle: 'Sign in',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  wrongPassword: 'Wrong email or password.',
  throttled: (minutes: number) => `Too many sign-in attempts. Try again in ${minutes} min.`,
  passwordSet: 'Your password is set. Sign in with it.',
  setPasswordTitle: 'Choose a password',
  setPasswordFor: (email: string) => `A password for ${email}`,
  newPassword: 'New password',
  confirmPassword: 'The same password again',
  passwordRules: (min: number) => `At least ${min} characters. A sentence of a few words is easy to remember.`,
  passwordTooShort: (min: number) => `The password must be at least ${min} characters long.`,
  passwordsDiffer: 'The two passwords differ.',
  savePassword: 'Save password',
  linkInvalid: 'This link has already been used or has expired. Ask an admin for a new one.',
  homeTitle: 'Workspace',
  signedInAs: (name: string) => `Signed in as ${name}`,
  inboxComing: 'Offers waiting for your review will be listed here.',
  signOut: 'Sign out',
  language: 'Language',
  changeLanguage: 'Change',
  role_salesperson: 'salesperson',
  role_admin: 'admin',
  refused: 'The request was refused. Reload the page and try again.',
  userMenu: 'User',
  ...RUN_MESSAGES.en,
};

export type Messages = typeof en;

const fi: Messages = {
  skipToContent: 'Siirry sisältöön',
  signInTitle: 'Kirjaudu sisään',
  email: 'Sähköposti',
  password: 'Salasana',
  signIn: 'Kirjaudu',
  wrongPassword: 'Väärä sähköposti tai salasana.',
  throttled: (minutes) => `Liian monta kirjautumisyritystä. Yritä uudelleen ${minutes} min kuluttua.`,
  passwordSet: 'Salasanasi on asetettu. Kirjaudu sillä.',
  setPasswordTitle: 'Valitse salasana',
  setPasswordFor: (email) => `Salasana tunnukselle ${email}`,
  newPassword: 'Uusi salasana',
  confirmPassword: 'Sama salasana uudelleen',
  passwordRules: (min) => `Vähintään ${min} merkkiä. Muutaman sanan lause on helppo muistaa.`,
  passwordTooShort: (min) => `Salasanan on oltava vähintään ${min} merkkiä pitkä.`,
  passwordsDiffer: 'Salasanat eivät täsmää.',
  savePassword: 'Tallenna salasana',
  linkInvalid: 'Tämä linkki on jo käytetty tai vanhentunut. Pyydä ylläpitäjältä uusi.',
  homeTitle: 'Työtila',
  signedInAs: (name) => `Kirjautuneena: ${name}`,
  inboxComing: 'Tarkistustasi odottavat tarjoukset tulevat tähän.',
  signOut: 'Kirjaudu ulos',
  language: 'Kieli',
  changeLanguage: 'Vaihda',
  role_salesperson: 'myyjä',
  role_admin: 'ylläpitäjä',
  refused: 'Pyyntö hylättiin. Lataa sivu uudelleen ja yritä uudestaan.',
  userMenu: 'Käyttäjä',
  ...RUN_MESSAGES.fi,
};

const sv: Messages = {
  skipToContent: 'Hoppa till innehållet',
  signInTitle: 'Logga in',
  email: 'E-post',
  password: 'Lösenord',
  signIn: 'Logga in',
  wrongPassword: 'Fel e-post eller lösenord.',
  throttled: (minutes) => `För många inloggningsförsök. Försök igen om ${minutes} min.`,
  passwordSet: 'Ditt lösenord är satt. Logga in med det.',
  setPasswordTitle: 'Välj ett lösenord',
  setPasswordFor: (email) => `Ett lösenord för ${email}`,
  newPassword: 'Nytt lösenord',
  confirmPassword: 'Samma lösenord igen',
  passwordRules: (min) => `Minst ${min} tecken. En mening med några ord är lätt att komma ihåg.`,
  passwordTooShort: (min) => `Lösenordet måste vara minst ${min} tecken långt.`,
  passwordsDiffer: 'Lösenorden skiljer sig åt.',
  savePassword: 'Spara lösenord',
  linkInvalid: 'Länken har redan använts eller har gått ut. Be en administratör om en ny.',
  homeTitle: 'Arbetsyta',
  signedInAs: (name) => `Inloggad som ${name}`,
  inboxComing: 'Offerter som väntar på din granskning listas här.',
  signOut: 'Logga ut',
  language: 'Språk',
  changeLanguage: 'Byt',
  role_salesperson: 'säljare',
  role_admin: 'administratör',
  refused: 'Begäran avvisades. Ladda om sidan och försök igen.',
  userMenu: 'Användare',
  ...RUN_MESSAGES.sv,
};

export const MESSAGES: Record<WorkspaceLanguage, Messages> = { en, fi, sv };

/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<WorkspaceLanguage, string> = { fi: 'Suomi', en: 'English', sv: 'Svenska' };
