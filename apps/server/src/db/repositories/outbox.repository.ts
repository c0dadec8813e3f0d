import type { OutboxMessage } from '@confide/contract';
import type { PrincipalTx } from '../with-principal';

export interface OutboxRecord extends OutboxMessage {
  patientId: string | null;
}

export const outboxRepository = {
  async latest(tx: PrincipalTx, limit: number): Promise<OutboxRecord[]> {
    const { rows } = await tx.query<{
      id: string;
      channel: 'email' | 'sms';
      to_address: string;
      subject: string;
      body: string;
      created_at: Date;
      patient_id: string | null;
    }>(`SELECT id, channel, to_address, subject, body, created_at, patient_id FROM outbox_messages ORDER BY created_at DESC, id LIMIT $1`, [limit]);
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      to: r.to_address,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      patientId: r.patient_id,
    }));
  },
};
