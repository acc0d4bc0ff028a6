// What a production login adapter offers: a login at an outside identity provider, finished by a redirect back.

export interface ExternalLogin {
  /** Where to send the browser, and the sealed flow to keep in a cookie until it comes back. */
  start(): Promise<{ url: string; flow: string }>;
  /** Checks the IdP's answer (the callback's query) against the sealed flow; the username it vouches for. */
  finish(query: URLSearchParams, flow: string | undefined): Promise<{ username: string }>;
}
