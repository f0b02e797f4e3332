/**
 * Ends a loader or action with a response: Remix renders thrown responses (redirects, 404s) instead of treating
 * them as crashes. One place for the lint exception, since Responses are not Error objects.
 */
export function raise(response: Response): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Remix's contract for early responses
  throw response;
}
