import type { Feature, FeatureState, Incident } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

interface IncidentRow {
  id: string; kind: 'cross_patient_exposure'; status: 'open' | 'closed'; opened_at: Date; actor_user_id: string | null; actor_name: string | null;
  actor_role: string | null; route: string; request_id: string | null; resources: Incident['resources']; patient_ids: string[];
  bytes_served: string; closed_at: Date | null; closed_by_name: string | null; resolution: string | null;
}

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id, kind: r.kind, status: r.status, openedAt: r.opened_at.toISOString(),
  actor: { userId: r.actor_user_id, name: r.actor_name, role: r.actor_role }, route: r.route, requestId: r.request_id,
  resources: r.resources, patientIds: r.patient_ids, bytesServed: Number(r.bytes_served),
  closedAt: r.closed_at?.toISOString() ?? null, closedBy: r.closed_by_name, resolution: r.resolution,
});

/** Kill switches and incidents: the clinic's operations (clinic admins only, by row-level security). */
export const operationsRepository = {
  async features(tx: PrincipalTx): Promise<FeatureState[]> {
    const { rows } = await tx.query<{ feature: Feature; enabled: boolean; changed_at: Date | null; changed_by_name: string | null; reason: string | null }>(
      'SELECT feature, enabled, changed_at, changed_by_name, reason FROM feature_switches ORDER BY feature',
    );
    return rows.map((r) => ({ feature: r.feature, enabled: r.enabled, changedAt: r.changed_at?.toISOString() ?? null, changedBy: r.changed_by_name, reason: r.reason }));
  },

  async setFeature(tx: PrincipalTx, feature: Feature, enabled: boolean, reason: string): Promise<FeatureState> {
    const { rows } = await tx.query<{ changed_at: Date }>(
      `UPDATE feature_switches SET enabled = $2, reason = $3, changed_at = now(), changed_by = $4, changed_by_name = $5
       WHERE feature = $1 RETURNING changed_at`,
      [feature, enabled, reason, tx.principal.userId, tx.principal.displayName],
    );
    return { feature, enabled, reason, changedAt: rows[0]!.changed_at.toISOString(), changedBy: tx.principal.displayName };
  },

  async incidents(tx: PrincipalTx, status: 'open' | 'closed' | 'all'): Promise<Incident[]> {
    const { rows } = await tx.query<IncidentRow>(
      `SELECT * FROM incidents WHERE ($1 = 'all' OR status = $1) ORDER BY opened_at DESC LIMIT 200`,
      [status],
    );
    return rows.map(toIncident);
  },

  async closeIncident(tx: PrincipalTx, id: string, resolution: string): Promise<Incident | null> {
    const { rows } = await tx.query<IncidentRow>(
      `UPDATE incidents SET status = 'closed', closed_at = now(), closed_by = $2, closed_by_name = $3, resolution = $4
       WHERE id = $1 AND status = 'open' RETURNING *`,
      [id, tx.principal.userId, tx.principal.displayName, resolution],
    );
    return rows[0] ? toIncident(rows[0]) : null;
  },
};
