import type { PrincipalTx } from '../db/with-principal';
import { ProblemError } from '../errors/problem-error';

const WHAT = { sign: 'sign', 'replace-key': 'replace your signing key' } as const;

export const secondFactorRequired = (what: keyof typeof WHAT) => new ProblemError(403, `Confirm your code to ${WHAT[what]}`, {
  code: 'second_factor_required',
  detail: `Enter the 6-digit code from your authenticator app to ${WHAT[what]}. It needs a code confirmed in the last 5 minutes.`,
});

/** Signing, and replacing the key that signs, need a second factor confirmed in this session in the last 5 minutes. */
export async function requireFreshSecondFactor(tx: PrincipalTx, what: keyof typeof WHAT): Promise<void> {
  const fresh = (await tx.query<{ fresh: boolean }>('SELECT second_factor_fresh() AS fresh')).rows[0]?.fresh === true;
  if (!fresh) throw secondFactorRequired(what);
}
