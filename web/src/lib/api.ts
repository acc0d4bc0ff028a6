// The web app's only way to reach the API: typed fetch with the API's error body surfaced as ApiError.
import type { ErrorBody } from '../../../contracts/registry.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** For `rule_violation`: `{ violations: RuleViolation[] }`. */
  readonly details: unknown;
  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => ({ code: 'bad_response', message: res.statusText }));
  if (!res.ok) throw new ApiError(res.status, json as ErrorBody);
  return json as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  /** `headers`: e.g. the kiosk's device token (x-kiosk-device). */
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
