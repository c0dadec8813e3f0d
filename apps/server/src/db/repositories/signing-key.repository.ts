import type { JWK } from 'jose';
import type { PrincipalTx } from '../with-principal';

export interface SigningKeyRow {
  id: string; user_id: string; prescriber_name: string; public_jwk: JWK; created_at: Date; retired_at: Date | null;
  revoked_at: Date | null; revoked_reason: string | null;
}

const SELECT = `
  SELECT k.id, k.user_id, u.display_name AS prescriber_name, k.public_jwk, k.created_at, k.retired_at, k.revoked_at, k.revoked_reason
  FROM prescriber_keys k JOIN users u ON u.id = k.user_id`;

/** Prescribers' signing keys: public halves for anyone signed in; the private half only through the prescriber's own transaction. */
export const signingKeyRepository = {
  async find(tx: PrincipalTx, id: string): Promise<SigningKeyRow | null> {
    const { rows } = await tx.query<SigningKeyRow>(`${SELECT} WHERE k.id = $1`, [id]);
    return rows[0] ?? null;
  },

  /** One prescriber's keys, or every prescriber's; newest first. */
  async list(tx: PrincipalTx, userId: string | null): Promise<SigningKeyRow[]> {
    const { rows } = await tx.query<SigningKeyRow>(
      `${SELECT} WHERE $1::uuid IS NULL OR k.user_id = $1 ORDER BY u.display_name, k.created_at DESC, k.id`, [userId],
    );
    return rows;
  },

  /** The caller's key in use, with its private half still wrapped. */
  async current(tx: PrincipalTx): Promise<{ id: string; wrapped_private_key: string } | null> {
    const { rows } = await tx.query<{ id: string; wrapped_private_key: string }>('SELECT id, wrapped_private_key FROM prescriber_private_key()');
    return rows[0] ?? null;
  },

  /** Adds the caller's key unless one came into use meanwhile (two first prescriptions at once): then that one stands. */
  async add(tx: PrincipalTx, publicJwk: JWK, wrappedPrivateKey: string): Promise<void> {
    await tx.query(
      `INSERT INTO prescriber_keys (user_id, algorithm, public_jwk, wrapped_private_key) VALUES ($1, 'ES256', $2, $3)
       ON CONFLICT (user_id) WHERE retired_at IS NULL DO NOTHING`,
      [tx.principal.userId, JSON.stringify(publicJwk), wrappedPrivateKey],
    );
  },

  /** The caller's key in use stops signing (they are replacing it). */
  async retireCurrent(tx: PrincipalTx): Promise<void> {
    await tx.query('UPDATE prescriber_keys SET retired_at = now() WHERE user_id = $1 AND retired_at IS NULL', [tx.principal.userId]);
  },

  /** A clinic admin revokes a key, unless it is revoked already; true if this call revoked it. */
  async revoke(tx: PrincipalTx, id: string, reason: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE prescriber_keys SET retired_at = coalesce(retired_at, now()), revoked_at = now(), revoked_by = $2, revoked_reason = $3
       WHERE id = $1 AND revoked_at IS NULL`,
      [id, tx.principal.userId, reason],
    );
    return (rowCount ?? 0) > 0;
  },

  async undispensedCount(tx: PrincipalTx, id: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>('SELECT signing_key_undispensed($1) AS n', [id]);
    return Number(rows[0]?.n ?? 0);
  },
};
