/**
 * The request server actions and pages see through next/headers in the tests (tests/setup.ts
 * mocks it): each test sets the headers and the cookie jar.
 */
export const request = {
  headers: new Headers(),
  cookies: new Map<string, string>(),
}
