import type { OutboxMessage } from '@confide/contract';
import type { OutgoingMessage } from '../../notifications/appointment-messages';
import type { AnonymousTx, PrincipalTx } from '../with-principal';

export interface OutboxRecord extends OutboxMessage {
  patientId: string | null;
}

export interface ClaimedMessage {
  id: string;
  channel: 'email' | 'sms';
  to_address: string;
  subject: string;
  body: string;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment: string | null;
  attempts: number;
}

export const outboxRepository = {
  /** Queues messages to the principal (RLS: only to themselves, unless a clinic admin). */
  async enqueue(tx: PrincipalTx, about: { appointmentId: string | null; patientId: string | null }, messages: readonly OutgoingMessage[]): Promise<void> {
    for (const m of messages) {
      await tx.query(
        `INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, patient_id, kind, appointment_id, send_after,
           attachment_name, attachment_type, attachment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [m.channel, m.to, m.subject, m.body, tx.principal.userId, about.patientId, m.kind, about.appointmentId, m.sendAfter,
          m.attachment?.name ?? null, m.attachment?.type ?? null, m.attachment?.content ?? null],
      );
    }
  },

  /** A clinic admin emails a member of staff a notice (RLS: only a clinic admin writes to someone else). Carries no patient data. */
  async noticeToStaff(tx: PrincipalTx, userId: string, subject: string, body: string): Promise<void> {
    await tx.query(
      `INSERT INTO outbox_messages (channel, to_address, subject, body, recipient_user_id, kind)
       SELECT 'email', u.email, $2, $3, u.id, 'notice' FROM users u WHERE u.id = $1 AND u.role <> 'patient'`,
      [userId, subject, body],
    );
  },

  /** Withdraws the messages about an appointment not yet sent (its reminders, when it is cancelled or moved). */
  async withdrawPending(tx: PrincipalTx, appointmentId: string): Promise<number> {
    const { rowCount } = await tx.query(
      'UPDATE outbox_messages SET withdrawn_at = now() WHERE appointment_id = $1 AND sent_at IS NULL AND withdrawn_at IS NULL',
      [appointmentId],
    );
    return rowCount;
  },

  async claimDue(tx: AnonymousTx, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    return (await tx.query<ClaimedMessage>('SELECT * FROM outbox_claim($1, $2)', [limit, leaseSeconds])).rows;
  },

  async markSent(tx: AnonymousTx, id: string): Promise<void> {
    await tx.query('SELECT outbox_mark_sent($1)', [id]);
  },

  async markFailed(tx: AnonymousTx, id: string, error: string): Promise<void> {
    await tx.query('SELECT outbox_mark_failed($1, $2)', [id, error]);
  },

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
