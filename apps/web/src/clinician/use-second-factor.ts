import { useCallback, useState } from 'react';
import { API } from '@confide/contract';
import { apiRequest } from '../api/api-client';
import { isApiProblem } from '../api/api-problem';
import { useSession } from '../session/use-session';
import { CODE_WRONG_MESSAGE, confirmThenSign, isWrongCode, trySigning, type CodeRequest, type Signing } from './second-factor';

export interface SecondFactor {
  /** The API wants the prescriber's authenticator code before it signs: show the code field. */
  asking: boolean;
  code: string;
  setCode: (code: string) => void;
  /** Sends something that needs a signature; asks for the code if the API wants it first. */
  sign: <T>(send: () => Promise<T>) => Promise<Signing<T>>;
  /** Confirms the code typed, then sends again. */
  confirmAndSign: <T>(send: () => Promise<T>) => Promise<Signing<T>>;
  /** Stops asking, as when what was to be signed has changed. */
  reset: () => void;
}

/**
 * Signing with the prescriber's second factor: prescribing and approving repeats need the authenticator code to
 * have been confirmed in the last few minutes, so the first refusal shows the code field and confirming retries.
 */
export function useSecondFactor(): SecondFactor {
  const { state, expire } = useSession();
  const csrfToken = state.status === 'signed-in' ? state.csrfToken : null;
  const [asking, setAsking] = useState(false);
  const [code, setCode] = useState('');

  // Posted directly rather than through useApi: a wrong code answers 401, which must not end the session.
  const confirmCode = useCallback(
    async (request: CodeRequest) => {
      try {
        await apiRequest('POST', API.secondFactor, { body: request, csrfToken });
      } catch (error) {
        if (isApiProblem(error) && error.status === 401 && !isWrongCode(error)) expire();
        throw error;
      }
    },
    [csrfToken, expire],
  );

  const settle = useCallback(<T,>(outcome: Signing<T>): Signing<T> => {
    setAsking(outcome.status !== 'signed');
    if (outcome.status === 'signed' || (outcome.status === 'code-problem' && outcome.message === CODE_WRONG_MESSAGE)) setCode('');
    return outcome;
  }, []);

  const sign = useCallback(async <T,>(send: () => Promise<T>) => settle(await trySigning(send)), [settle]);
  const confirmAndSign = useCallback(
    async <T,>(send: () => Promise<T>) => {
      let confirmed = false;
      const confirm = async (request: CodeRequest) => {
        await confirmCode(request);
        confirmed = true;
      };
      try {
        return settle(await confirmThenSign(code, confirm, send));
      } catch (error) {
        // The code was accepted but sending failed for another reason (no pharmacy, say): it is not needed again.
        if (confirmed) {
          setAsking(false);
          setCode('');
        }
        throw error;
      }
    },
    [code, confirmCode, settle],
  );
  const reset = useCallback(() => {
    setAsking(false);
    setCode('');
  }, []);

  return { asking, code, setCode, sign, confirmAndSign, reset };
}
