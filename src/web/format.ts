import type { WorkspaceLanguage } from '../accounts/user.js';
import { dateTimeFormat } from '../domain/intl-format.js';

/**
 * Numbers and times as the reader's language writes them. Amounts stay the decimal strings the
 * pricing made: only the separator changes, so what is shown is exactly what the ERP holds.
 */
export function formatDecimal(value: string, language: WorkspaceLanguage): string {
  return language === 'en' ? value : value.replace('.', ',');
}

export function formatTime(iso: string, language: WorkspaceLanguage, timeZone: string): string {
  return dateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, language: WorkspaceLanguage, timeZone: string): string {
  return dateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'short', timeZone }).format(new Date(iso));
}
