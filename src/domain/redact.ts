/** Secrets that may sit inside a URL: its password, and query parameters named like one. */
const SECRET_PARAMS = /([?&](?:password|passwd|pwd|secret|token|api_?key|access_token|client_secret)=)[^&#\s]*/gi;
/** "scheme://user:password@" anywhere in a text, such as an error message quoting a URL. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,20}:\/\/)([^\s:/@]{0,256}):([^\s/@]{0,256})@/gi;

/**
 * A text as it may be shown or stored: error messages quote URLs, and a URL given with its
 * credentials (`https://user:pass@erp.example.fi`) must not carry them into logs, run errors or
 * the terminal.
 */
export function redactSecrets(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1$2:***@').replace(SECRET_PARAMS, '$1***');
}
