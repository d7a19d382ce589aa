import type { Command } from 'commander';
import { z } from 'zod';
import { ROLES, WORKSPACE_LANGUAGES } from '../../accounts/user.js';
import { print, printJson, withApp } from '../context.js';
import { renderTable } from '../format/table.js';

const addFlags = z.object({
  role: z.enum(ROLES, { message: `--role must be one of: ${ROLES.join(', ')}` }),
  name: z.string().trim().min(1).max(200).optional(),
  language: z.enum(WORKSPACE_LANGUAGES, { message: `--language must be one of: ${WORKSPACE_LANGUAGES.join(', ')}` }).optional(),
});
const email = z.email({ message: 'not an email address' });
const tokenName = z.string().trim().min(1).max(100);

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join('; '));
  return result.data;
}

export const linkUrl = (publicUrl: string, token: string) => new URL(`/set-password?token=${encodeURIComponent(token)}`, publicUrl).toString();

export function registerUsers(program: Command): void {
  const users = program.command('users').description("the workspace's users and API tokens");
  users
    .command('add')
    .description('add a salesperson or admin and print their one-time set-password link')
    .argument('<email>', 'their email address; a salesperson is linked to the ERP person with the same one')
    .requiredOption('--role <role>', ROLES.join(' or '))
    .option('--name <name>', "the name shown (default: the ERP person's, else the email)")
    .option('--language <code>', `${WORKSPACE_LANGUAGES.join(', ')} (default: the ERP person's, else web.defaultLanguage)`)
    .action(async (address: string, rawFlags: unknown, command: Command) => {
      const flags = parsed(addFlags, rawFlags);
      await withApp(command, async (app) => {
        const added = await app.accounts.users.add({ email: parsed(email, address), role: flags.role, name: flags.name ?? null, language: flags.language ?? null });
        if (!added.added) throw new Error(`${address} is already a user; 'offerflow users link ${address}' makes a new set-password link`);
        const { user, link } = added;
        const person = user.personNumber ? `ERP person ${user.personNumber}` : user.role === 'salesperson' ? 'no ERP person has this email' : null;
        print(`Added ${user.email} (${user.name}, ${user.role}, ${user.language}${person ? `; ${person}` : ''}).`);
        print(`One-time link to set the password, valid until ${link.expiresAt}:\n${linkUrl(app.config.web.publicUrl, link.token)}`);
      });
    });
  users
    .command('link')
    .description('print a new one-time set-password link for a user (a lost password, an expired link)')
    .argument('<email>')
    .action(async (address: string, _flags: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const issued = await app.accounts.users.newLink(address);
        if (!issued) throw new Error(`${address} is not a user`);
        print(`One-time link to set the password of ${issued.user.email}, valid until ${issued.link.expiresAt}:\n${linkUrl(app.config.web.publicUrl, issued.link.token)}`);
      });
    });
  users
    .command('list')
    .description('every user, their role and whether they have set a password')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const list = await app.accounts.users.list();
        if (flags.json) return printJson(list);
        if (list.length === 0) return print("No users yet: add one with 'offerflow users add EMAIL --role admin'.");
        print(renderTable(['Email', 'Name', 'Role', 'Language', 'ERP person', 'Password'], list.map((u) => [u.email, u.name, u.role, u.language, u.personNumber, u.hasPassword ? 'set' : 'not yet'])));
      });
    });
  users
    .command('token')
    .description('create an API token for an integration and print it once (sent as Authorization: Bearer …)')
    .argument('<name>', 'what uses it, e.g. "crm-sync"')
    .action(async (name: string, _flags: unknown, command: Command) => {
      const tokenFor = parsed(tokenName, name);
      await withApp(command, async (app) => {
        const token = await app.accounts.apiTokens.create(tokenFor);
        if (!token) throw new Error(`an API token named '${tokenFor}' exists already`);
        print(`API token '${tokenFor}' (shown only now; Offerflow keeps only its hash):\n${token}`);
      });
    });
}
