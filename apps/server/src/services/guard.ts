import {
  decide,
  NO_FACTS,
  PATIENT_DATA_ACTIONS,
  type Action,
  type DenyReason,
  type PolicyFacts,
  type Principal,
  type ResourceRef,
} from '@confide/domain';
import { recordAudit } from '../audit/audit-log';
import { withPrincipal, type PrincipalTx } from '../db/with-principal';
import { forbidden, notFound } from '../errors/problem-error';
import type { RequestContext } from './request-context';
import type { ServiceDeps } from './service-deps';

/** Thrown inside a principal's transaction when the policy says no; turned into 404 or 403 after rollback. */
export class AccessDenied extends Error {
  constructor(
    readonly action: Action,
    readonly resource: ResourceRef,
    readonly reason: DenyReason,
    readonly resourceId: string | null = null,
    /** What the audit entry calls the thing tried, when not the policy's resource kind (e.g. "triage-session"). */
    readonly resourceType: string | null = null,
  ) {
    super(`denied ${action}`);
  }
}

/** The facts the policy needs about this principal, read under row-level security. */
export async function loadPolicyFacts(tx: PrincipalTx): Promise<PolicyFacts> {
  const role = tx.principal.role;
  if (role !== 'clinician' && role !== 'clinic_admin') return NO_FACTS;
  const care = role === 'clinician'
    ? (await tx.query<{ patient_id: string }>('SELECT patient_id FROM care_relationships WHERE clinician_user_id = $1 AND ended_at IS NULL', [tx.principal.userId])).rows
    : [];
  const glass = (await tx.query<{ patient_id: string }>(
    'SELECT patient_id FROM break_glass_grants WHERE granted_to = $1 AND expires_at > now()',
    [tx.principal.userId],
  )).rows;
  return { carePatientIds: new Set(care.map((r) => r.patient_id)), breakGlassPatientIds: new Set(glass.map((r) => r.patient_id)) };
}

/**
 * Every service asks here before touching a resource. The decision is recorded on the request (a route that
 * serves patient data without one is refused on the way out) and a denial aborts the transaction.
 */
export class Guard {
  private facts: PolicyFacts | null = null;

  constructor(
    private readonly tx: PrincipalTx,
    private readonly ctx: RequestContext,
    private readonly deps: ServiceDeps,
  ) {}

  private async policyFacts(): Promise<PolicyFacts> {
    this.facts ??= await loadPolicyFacts(this.tx);
    return this.facts;
  }

  private judge(action: Action, resource: ResourceRef, facts: PolicyFacts) {
    if (this.deps.faults.policyOff) return { allowed: true as const };
    return decide(this.tx.principal, action, resource, facts);
  }

  /** Allow or throw AccessDenied (`resourceId` and `resourceType` name the thing in the audit entry of a denial). */
  async authorize(action: Action, resource: ResourceRef, resourceId: string | null = null, resourceType: string | null = null): Promise<void> {
    const decision = this.judge(action, resource, await this.policyFacts());
    this.ctx.decisions.push({ action, allowed: decision.allowed });
    if (!decision.allowed) throw new AccessDenied(action, resource, decision.reason, resourceId, resourceType);
  }

  /** The subset of items the principal may have `action` done on (the rest are silently left out). */
  async filterAllowed<T>(action: Action, items: readonly T[], refOf: (item: T) => ResourceRef): Promise<T[]> {
    const facts = await this.policyFacts();
    const allowed = items.filter((item) => this.judge(action, refOf(item), facts).allowed);
    this.ctx.decisions.push({ action, allowed: true });
    return allowed;
  }
}

/**
 * Runs a use case as `principal`: one transaction with row-level security bound to the principal, a Guard for
 * policy decisions, audit entries written in the same transaction. A denial rolls the work back, is audited as
 * `denied` in a transaction of its own, and answers 404 for patient data (as if absent) or 403 otherwise.
 */
export async function asPrincipal<T>(
  deps: ServiceDeps,
  ctx: RequestContext,
  principal: Principal,
  fn: (tx: PrincipalTx, guard: Guard) => Promise<T>,
): Promise<T> {
  try {
    return await withPrincipal(deps.dbs.app, principal, (tx) => fn(tx, new Guard(tx, ctx, deps)), deps.faults);
  } catch (err) {
    if (!(err instanceof AccessDenied)) throw err;
    // Whose data was tried: shown in that patient's access history ("Another Confide user" if a patient tried).
    const patientId = 'patientId' in err.resource ? err.resource.patientId : null;
    await withPrincipal(deps.dbs.app, principal, (tx) =>
      recordAudit(tx, ctx.meta, [
        {
          action: 'denied',
          resourceType: err.resourceType ?? err.resource.kind,
          resourceId: err.resourceId ?? (err.resource.kind === 'patient' ? err.resource.patientId : null),
          patientId,
          outcome: 'denied',
          detail: { attempted: err.action, reason: err.reason },
        },
      ]),
    );
    if (err.reason === 'mfa-required') throw forbidden('mfa_required', 'Set up two-step verification to continue.');
    throw PATIENT_DATA_ACTIONS.has(err.action) ? notFound() : forbidden();
  }
}
