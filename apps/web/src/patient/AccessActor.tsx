import { ROLE_LABELS } from '@confide/domain';
import type { AccessLogEntry } from '@confide/contract';

/** "You", or the person's name with their role, e.g. "Dr Asha Patel, Clinician". */
export function AccessActor({ actor }: { actor: AccessLogEntry['actor'] }) {
  if (actor.isYou) return <>You</>;
  return (
    <>
      {actor.name}
      {actor.role && <span className="secondary-text">, {ROLE_LABELS[actor.role]}</span>}
    </>
  );
}
