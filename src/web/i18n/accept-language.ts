import { isWorkspaceLanguage, type WorkspaceLanguage } from '../../accounts/user.js';

/**
 * The first of the browser's languages (by its q-values) that the workspace speaks, for pages
 * shown before anyone has signed in; `fallback` when it asks for none of them.
 */
export function languageFromHeader(header: string | undefined, fallback: WorkspaceLanguage): WorkspaceLanguage {
  const ranked = (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: (tag ?? '').split('-')[0]!.toLowerCase(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((entry) => entry.language).find(isWorkspaceLanguage) ?? fallback;
}
