/**
 * The errors `notFound()`, `redirect()` and friends throw, with the digests Next.js gives them
 * (next/dist/client/components/redirect.js `getRedirectError`, http-access-fallback.js), so user code that
 * checks `error.digest` and our renderer both recognise them.
 */
export const REDIRECT_ERROR_CODE = 'NEXT_REDIRECT';
export const HTTP_ERROR_FALLBACK_ERROR_CODE = 'NEXT_HTTP_ERROR_FALLBACK';

export type RedirectType = 'push' | 'replace';

export function redirectError(url: string, type: RedirectType, statusCode: 307 | 308): Error & { digest: string } {
  const error = new Error(REDIRECT_ERROR_CODE) as Error & { digest: string };
  error.digest = `${REDIRECT_ERROR_CODE};${type};${url};${statusCode};`;
  return error;
}

export function httpFallbackError(status: 401 | 403 | 404): Error & { digest: string } {
  const error = new Error(`${HTTP_ERROR_FALLBACK_ERROR_CODE};${status}`) as Error & { digest: string };
  error.digest = `${HTTP_ERROR_FALLBACK_ERROR_CODE};${status}`;
  return error;
}

export function isControlFlowError(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith(`${REDIRECT_ERROR_CODE};`) || digest.startsWith(`${HTTP_ERROR_FALLBACK_ERROR_CODE};`));
}
