import type { Participant, ServerSignal } from '@confide/contract';
import type { ConsultationOwner } from '../db/repositories/consultation.repository';
import type { RecorderSession } from './call-recorder';

/** One participant's live connection to a consultation's call. */
export interface CallConnection {
  readonly participant: Participant;
  send(message: ServerSignal): void;
  close(code: number, reason: string): void;
  recorder: RecorderSession | null;
}

interface Room {
  readonly owner: ConsultationOwner;
  readonly connections: Map<Participant, CallConnection>;
}

/**
 * The calls in progress on this server: at most one connection per participant per consultation (joining again,
 * e.g. after a dropped network, replaces the old connection). Rooms live in memory; signalling is relayed only
 * between the two participants of the same consultation.
 */
export class CallRooms {
  private readonly rooms = new Map<string, Room>();

  /** Adds the connection; returns the one it replaced, if any. */
  enter(owner: ConsultationOwner, conn: CallConnection): CallConnection | null {
    let room = this.rooms.get(owner.consultationId);
    if (!room) {
      room = { owner, connections: new Map() };
      this.rooms.set(owner.consultationId, room);
    }
    const previous = room.connections.get(conn.participant) ?? null;
    room.connections.set(conn.participant, conn);
    return previous;
  }

  /** Removes the connection if it is still the current one for its participant. */
  leave(owner: ConsultationOwner, conn: CallConnection): boolean {
    const room = this.rooms.get(owner.consultationId);
    if (!room || room.connections.get(conn.participant) !== conn) return false;
    room.connections.delete(conn.participant);
    if (room.connections.size === 0) this.rooms.delete(owner.consultationId);
    return true;
  }

  other(owner: ConsultationOwner, participant: Participant): CallConnection | null {
    const other: Participant = participant === 'patient' ? 'clinician' : 'patient';
    return this.rooms.get(owner.consultationId)?.connections.get(other) ?? null;
  }

  everyone(owner: ConsultationOwner): CallConnection[] {
    return [...(this.rooms.get(owner.consultationId)?.connections.values() ?? [])];
  }

  /** Every connection on this server (for shutdown). */
  all(): CallConnection[] {
    return [...this.rooms.values()].flatMap((r) => [...r.connections.values()]);
  }
}
