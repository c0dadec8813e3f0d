import type { Principal } from '@confide/domain';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit, type RequestMeta } from '../audit/audit-log';
import type { Databases } from '../db/database';
import { withoutPrincipal, withPrincipal } from '../db/with-principal';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A patient-data item found in an outgoing response, and whose it is. */
export interface Exposure {
  readonly kind: string;
  readonly id: string;
  readonly patientId: string;
}

export interface TripwireContext {
  readonly principal: Principal | null;
  readonly meta: RequestMeta;
  /** What was about to be sent, e.g. `GET /api/v1/me/replays` or `ws consultation signal`. */
  readonly route: string;
}

/**
 * The last check before anything leaves the server: every id in the outgoing bytes is looked up in the tables
 * themselves (`tripwire_owners`), and the caller's right to each patient is decided by the database's own rules
 * (`tripwire_entitled`) — not by the code that built the response, nor by the policy module. A mismatch blocks the
 * response, opens an incident and alerts the clinic admins, and tells each patient involved in their access history.
 */
export class Tripwire {
  constructor(
    private readonly dbs: Databases,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The items in `payload` the caller may not see; empty when it is safe to send. */
  async exposures(principal: Principal | null, payload: string): Promise<Exposure[]> {
    const ids = [...new Set((payload.match(UUID) ?? []).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    return withoutPrincipal(this.dbs.app, async (tx) => {
      const owners = await tx.query<{ kind: string; id: string; patient_id: string }>('SELECT kind, id, patient_id FROM tripwire_owners($1::uuid[])', [ids]);
      if (owners.rows.length === 0) return [];
      const patients = [...new Set(owners.rows.map((o) => o.patient_id))];
      const entitled = principal
        ? new Set(
            (await tx.query<{ patient_id: string }>('SELECT patient_id FROM tripwire_entitled($1, $2, $3, $4::uuid[])', [
              principal.userId, principal.role, principal.patientId, patients,
            ])).rows.map((r) => r.patient_id),
          )
        : new Set<string>();
      return owners.rows.filter((o) => !entitled.has(o.patient_id)).map((o) => ({ kind: o.kind, id: o.id, patientId: o.patient_id }));
    });
  }

  /** Records what was blocked: an incident (with the admins alerted) and a `denied` entry for each patient. */
  async block(ctx: TripwireContext, exposures: readonly Exposure[]): Promise<string> {
    const p = ctx.principal;
    const patientIds = [...new Set(exposures.map((e) => e.patientId))];
    const incidentId = await withoutPrincipal(this.dbs.app, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        'SELECT incident_open($1, $2, $3, $4, $5, $6, $7::jsonb, $8::uuid[], $9, $10) AS id',
        [
          p?.userId ?? null, p?.displayName ?? null, p?.role ?? null, p?.sessionId ?? null, ctx.meta.requestId, ctx.route,
          JSON.stringify(exposures.map((e) => ({ type: e.kind, id: e.id, patientId: e.patientId }))), patientIds,
          'Confide incident: a possible cross-patient exposure was blocked',
          'The tripwire blocked a response that would have shown one patient’s data to someone not entitled to it. Nothing was served.\n\nReview incident {incident} in the admin console under Incidents.',
        ],
      );
      return rows[0]!.id;
    });
    if (p) {
      await withPrincipal(this.dbs.app, p, (tx) =>
        recordAudit(tx, ctx.meta, exposures.map((e) => ({
          action: 'denied' as const, resourceType: e.kind, resourceId: e.id, patientId: e.patientId, outcome: 'denied' as const,
          detail: { tripwire: true, incidentId },
        }))),
      ).catch((err: unknown) => this.log.error({ err: String(err), incidentId }, 'tripwire audit failed'));
    }
    this.log.error({ incidentId, route: ctx.route, items: exposures.length }, 'tripwire blocked a response');
    return incidentId;
  }
}
