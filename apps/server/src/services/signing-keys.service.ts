import type { RevokeSigningKeyResult, SigningKey, SigningKeyList } from '@confide/contract';
import { clinicianResource, type Principal } from '@confide/domain';
import { calculateJwkThumbprint } from 'jose';
import { recordAudit } from '../audit/audit-log';
import { outboxRepository } from '../db/repositories/outbox.repository';
import { signingKeyRepository, type SigningKeyRow } from '../db/repositories/signing-key.repository';
import type { PrincipalTx } from '../db/with-principal';
import { notFound, ProblemError } from '../errors/problem-error';
import { newPrescriberKey } from '../prescribing/prescription-signature';
import { asPrincipal } from './guard';
import type { RequestContext } from './request-context';
import { requireFreshSecondFactor } from './second-factor';
import type { ServiceDeps } from './service-deps';

async function toSigningKey(row: SigningKeyRow): Promise<SigningKey> {
  return {
    id: row.id, prescriber: { id: row.user_id, name: row.prescriber_name }, createdAt: row.created_at.toISOString(),
    retiredAt: row.retired_at?.toISOString() ?? null, revokedAt: row.revoked_at?.toISOString() ?? null, revokedReason: row.revoked_reason,
    thumbprint: await calculateJwkThumbprint(row.public_jwk, 'sha256'),
  };
}

const toList = async (rows: SigningKeyRow[]): Promise<SigningKeyList> => ({ keys: await Promise.all(rows.map(toSigningKey)) });

/** The prescriber's email when their key is revoked: what happened and what to do, with a count and no patient's name. */
export function revokedNotice(prescriber: string, admin: string, reason: string, undispensed: number): string {
  const waiting = undispensed === 0
    ? 'No prescriptions you signed with it were waiting to be dispensed.'
    : `${undispensed === 1 ? '1 prescription' : `${undispensed} prescriptions`} you signed with it and not yet dispensed can no longer be dispensed: issue ${undispensed === 1 ? 'it' : 'them'} again from the consultation's notes.`;
  return `Hello ${prescriber},\n\n${admin} revoked your prescription-signing key because: ${reason}\n\n${waiting}\n\nYour next prescription will be signed with a new key. See Signing key in Confide.`;
}

/** Makes a new key pair for the caller and puts it into use (the private half wrapped by the key provider). */
async function addKey(tx: PrincipalTx, deps: ServiceDeps): Promise<void> {
  const key = await newPrescriberKey(deps.recordings.keys, tx.principal.userId);
  await signingKeyRepository.add(tx, key.publicJwk, key.wrappedPrivateKey);
}

/** The prescriber's key in use, made on their first prescription (or their first after it was revoked). */
export async function signingKeyInUse(tx: PrincipalTx, deps: ServiceDeps): Promise<{ id: string; wrapped: string }> {
  let current = await signingKeyRepository.current(tx);
  if (!current) {
    await addKey(tx, deps);
    current = await signingKeyRepository.current(tx);
  }
  return { id: current!.id, wrapped: current!.wrapped_private_key };
}

/** A prescriber's own keys, the one in use first. */
export async function listMySigningKeys(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<SigningKeyList> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('signing-key.replace', clinicianResource(principal.userId));
    return toList(await signingKeyRepository.list(tx, principal.userId));
  });
}

/**
 * The prescriber replaces their key: the old one signs nothing more but still verifies what it signed; a new one is
 * made and used from now on. Needs a second factor confirmed in the last 5 minutes, as signing does.
 */
export async function replaceMySigningKey(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<SigningKey> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    await guard.authorize('signing-key.replace', clinicianResource(principal.userId));
    await requireFreshSecondFactor(tx, 'replace-key');
    await signingKeyRepository.retireCurrent(tx);
    const { id } = await signingKeyInUse(tx, deps);
    await recordAudit(tx, ctx.meta, [{ action: 'created', resourceType: 'signing-key', resourceId: id, detail: { replaced: true } }]);
    return toSigningKey((await signingKeyRepository.find(tx, id))!);
  });
}

/** Every prescriber's keys, for the clinic admin (public halves only). */
export async function listSigningKeys(deps: ServiceDeps, ctx: RequestContext, principal: Principal): Promise<SigningKeyList> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const rows = await signingKeyRepository.list(tx, null);
    // One rule for the list and the action: the admin sees the keys they may revoke.
    return toList(await guard.filterAllowed('signing-key.revoke', rows, (k) => clinicianResource(k.user_id)));
  });
}

/**
 * A clinic admin revokes a key that may be compromised. Nothing it signed that is still to be dispensed verifies
 * any more, so pharmacies are told not to dispense it; the prescriber's next prescription is signed with a new key.
 */
export async function revokeSigningKey(deps: ServiceDeps, ctx: RequestContext, principal: Principal, id: string, reason: string): Promise<RevokeSigningKeyResult> {
  return asPrincipal(deps, ctx, principal, async (tx, guard) => {
    const row = await signingKeyRepository.find(tx, id);
    if (!row) throw notFound();
    await guard.authorize('signing-key.revoke', clinicianResource(row.user_id), id, 'signing-key');
    if (!(await signingKeyRepository.revoke(tx, id, reason))) {
      throw new ProblemError(409, 'This key is already revoked', { code: 'already_revoked', detail: 'This signing key was revoked already.' });
    }
    const undispensed = await signingKeyRepository.undispensedCount(tx, id);
    await recordAudit(tx, ctx.meta, [{ action: 'updated', resourceType: 'signing-key', resourceId: id, detail: { revoked: true, reason, undispensed } }]);
    await outboxRepository.noticeToStaff(tx, row.user_id, 'Your Confide signing key was revoked', revokedNotice(row.prescriber_name, principal.displayName, reason, undispensed));
    return { key: await toSigningKey((await signingKeyRepository.find(tx, id))!), undispensedPrescriptions: undispensed };
  });
}
