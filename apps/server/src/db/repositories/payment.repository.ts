import type { PrincipalTx } from '../with-principal';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'refunded';

/** Private payments: amounts, the provider's reference and status. Never card data. */
export const paymentRepository = {
  async insertPending(tx: PrincipalTx, p: { appointmentId: string; patientId: string; amountPence: number; provider: string }): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO payments (appointment_id, patient_id, amount_pence, provider, status) VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
      [p.appointmentId, p.patientId, p.amountPence, p.provider],
    );
    return rows[0]!.id;
  },

  async settle(tx: PrincipalTx, id: string, status: PaymentStatus, providerReference: string | null): Promise<void> {
    await tx.query('UPDATE payments SET status = $2, provider_reference = $3, updated_at = now() WHERE id = $1', [id, status, providerReference]);
  },
};
