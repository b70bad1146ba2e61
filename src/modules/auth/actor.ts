import type { Role } from '../../domain/roles.js';

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  roles: Role[];
  orgId: string;
  sessionId: string;
  /**
   * The client address of the request this actor acts in (request.ip: the connection's, or X-Forwarded-For from a
   * TRUST_PROXY only), recorded with every audit entry the request makes. Absent outside a request.
   */
  ip?: string;
  /** Created or reset by an administrator: only signing out and setting one's own password are allowed. */
  mustChangePassword?: boolean;
}
