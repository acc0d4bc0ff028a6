// What a production login adapter offers: a login at an outside identity provider, finished by a redirect back.

export interface ExternalLogin {
  /** Where to send the browser, and the sealed flow to keep in a cookie until it comes back. */
  start(): Promise<{ url: string; flow: string }>;
  /**
   * Checks the IdP's answer (the callback's query) against the sealed flow: the username it vouches for, and
   * the person's stable identity there (issuer and subject), which a local account is bound to.
   */
  finish(query: URLSearchParams, flow: string | undefined): Promise<ExternalIdentity>;
}

export interface ExternalIdentity {
  /** The username claim, lower-cased: which local account a first login is for. */
  username: string;
  /** The ID token's `iss` and `sub`: stable and unique, unlike the username claim. */
  issuer: string;
  subject: string;
}
