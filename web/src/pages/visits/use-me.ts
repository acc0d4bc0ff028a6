// Who is signed in, for the staff pages of the visit flow (desk, day view): they send visitors who are
// not signed in to the login page.
import { useEffect, useState } from 'react';
import type { Me } from '../../../../contracts/auth.ts';
import { ApiError, api } from '../../lib/api.ts';

export type MeState = { kind: 'loading' } | { kind: 'in'; me: Me } | { kind: 'out' } | { kind: 'error' };

export function useMe(): MeState {
  const [state, setState] = useState<MeState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    api.get<Me>('/auth/me').then(
      (me) => current && setState({ kind: 'in', me }),
      (err: unknown) => current && setState(err instanceof ApiError && err.status === 401 ? { kind: 'out' } : { kind: 'error' }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
