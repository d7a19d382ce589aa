/** Consumer mail services: their domain says nothing about which company is writing. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fi',
  'outlook.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'luukku.com',
  'suomi24.fi',
  'kolumbus.fi',
  'elisanet.fi',
  'welho.com',
  'saunalahti.fi',
  'telia.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
