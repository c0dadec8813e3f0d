import type { AppointmentType, AvailabilityException, AvailabilityRule } from '@confide/contract';
import type { Interval, Profession, WeeklyRule, ExceptionWindow } from '@confide/domain';
import type { PrincipalTx } from '../with-principal';

interface TypeRow {
  id: string;
  code: string;
  name: string;
  profession: Profession;
  duration_minutes: number;
  mode: 'audio' | 'video';
  price_pence: number | null;
  nhs_funded: boolean;
}
const toType = (r: TypeRow): AppointmentType => ({
  id: r.id, code: r.code, name: r.name, profession: r.profession, durationMinutes: r.duration_minutes, mode: r.mode,
  pricePence: r.price_pence, nhsFunded: r.nhs_funded,
});

interface RuleRow {
  id: string;
  clinician_user_id: string;
  appointment_type_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  time_zone: string;
  valid_from: string;
  valid_until: string | null;
}
const RULE_COLUMNS = `id, clinician_user_id, appointment_type_id, weekday, to_char(start_time, 'HH24:MI') AS start_time,
  to_char(end_time, 'HH24:MI') AS end_time, time_zone, valid_from::text AS valid_from, valid_until::text AS valid_until`;
const toRule = (r: RuleRow): AvailabilityRule & { clinicianId: string } => ({
  id: r.id, clinicianId: r.clinician_user_id, appointmentTypeId: r.appointment_type_id, weekday: r.weekday, startTime: r.start_time,
  endTime: r.end_time, timeZone: r.time_zone, validFrom: r.valid_from, validUntil: r.valid_until,
});

interface ExceptionRow {
  id: string;
  clinician_user_id: string;
  kind: 'leave' | 'extra';
  appointment_type_id: string | null;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
}
const EXCEPTION_COLUMNS = 'id, clinician_user_id, kind, appointment_type_id, starts_at, ends_at, note';
const toException = (r: ExceptionRow): AvailabilityException & { clinicianId: string } => ({
  id: r.id, clinicianId: r.clinician_user_id, kind: r.kind, appointmentTypeId: r.appointment_type_id,
  startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), note: r.note,
});

export interface ClinicianSummary {
  id: string;
  name: string;
  profession: Profession | null;
}

/** Appointment types, clinicians' hours and exceptions: the clinic's timetable (not patient data). */
export const schedulingRepository = {
  async types(tx: PrincipalTx): Promise<AppointmentType[]> {
    const { rows } = await tx.query<TypeRow>('SELECT * FROM appointment_types WHERE active ORDER BY profession, duration_minutes, code');
    return rows.map(toType);
  },

  async type(tx: PrincipalTx, id: string): Promise<AppointmentType | null> {
    const { rows } = await tx.query<TypeRow>('SELECT * FROM appointment_types WHERE id = $1 AND active', [id]);
    return rows[0] ? toType(rows[0]) : null;
  },

  async clinicians(tx: PrincipalTx, ids: readonly string[] | null): Promise<ClinicianSummary[]> {
    const { rows } = await tx.query<{ id: string; name: string; profession: Profession | null }>(
      `SELECT u.id, u.display_name AS name, s.profession FROM users u JOIN staff_profiles s ON s.user_id = u.id
       WHERE u.role = 'clinician' AND ($1::uuid[] IS NULL OR u.id = ANY($1::uuid[])) ORDER BY u.display_name, u.id`,
      [ids],
    );
    return rows;
  },

  async rules(tx: PrincipalTx, clinicianIds: readonly string[]): Promise<(AvailabilityRule & { clinicianId: string })[]> {
    const { rows } = await tx.query<RuleRow>(
      `SELECT ${RULE_COLUMNS} FROM availability_rules WHERE clinician_user_id = ANY($1::uuid[]) ORDER BY weekday, start_time, id`,
      [clinicianIds],
    );
    return rows.map(toRule);
  },

  async exceptions(tx: PrincipalTx, clinicianIds: readonly string[], from: Date | null): Promise<(AvailabilityException & { clinicianId: string })[]> {
    const { rows } = await tx.query<ExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM availability_exceptions
       WHERE clinician_user_id = ANY($1::uuid[]) AND ($2::timestamptz IS NULL OR ends_at > $2) ORDER BY starts_at, id`,
      [clinicianIds, from],
    );
    return rows.map(toException);
  },

  async busy(tx: PrincipalTx, clinicianId: string, from: Date, to: Date): Promise<Interval[]> {
    const { rows } = await tx.query<{ starts_at: Date; ends_at: Date }>('SELECT * FROM clinician_busy($1, $2, $3)', [clinicianId, from, to]);
    return rows.map((r) => ({ start: r.starts_at.getTime(), end: r.ends_at.getTime() }));
  },

  async addRule(tx: PrincipalTx, r: Omit<AvailabilityRule, 'id'>): Promise<AvailabilityRule> {
    const { rows } = await tx.query<RuleRow>(
      `INSERT INTO availability_rules (clinician_user_id, appointment_type_id, weekday, start_time, end_time, time_zone, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RULE_COLUMNS}`,
      [tx.principal.userId, r.appointmentTypeId, r.weekday, r.startTime, r.endTime, r.timeZone, r.validFrom, r.validUntil],
    );
    const { clinicianId: _c, ...rule } = toRule(rows[0]!);
    return rule;
  },

  async addException(tx: PrincipalTx, e: Omit<AvailabilityException, 'id'>): Promise<AvailabilityException> {
    const { rows } = await tx.query<ExceptionRow>(
      `INSERT INTO availability_exceptions (clinician_user_id, kind, appointment_type_id, starts_at, ends_at, note)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${EXCEPTION_COLUMNS}`,
      [tx.principal.userId, e.kind, e.appointmentTypeId, e.startsAt, e.endsAt, e.note],
    );
    const { clinicianId: _c, ...exception } = toException(rows[0]!);
    return exception;
  },

  async deleteRule(tx: PrincipalTx, id: string): Promise<boolean> {
    return (await tx.query('DELETE FROM availability_rules WHERE id = $1 AND clinician_user_id = $2', [id, tx.principal.userId])).rowCount === 1;
  },

  async deleteException(tx: PrincipalTx, id: string): Promise<boolean> {
    return (await tx.query('DELETE FROM availability_exceptions WHERE id = $1 AND clinician_user_id = $2', [id, tx.principal.userId])).rowCount === 1;
  },
};

export function toWeeklyRule(r: AvailabilityRule): WeeklyRule {
  return { appointmentTypeId: r.appointmentTypeId, weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, timeZone: r.timeZone, validFrom: r.validFrom, validUntil: r.validUntil };
}

export function toExceptionWindow(e: AvailabilityException): ExceptionWindow {
  return { kind: e.kind, appointmentTypeId: e.appointmentTypeId, start: Date.parse(e.startsAt), end: Date.parse(e.endsAt) };
}
