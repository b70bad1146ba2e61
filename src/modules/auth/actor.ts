import type { Role } from '../../domain/roles.js';

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  roles: Role[];
  orgId: string;
  sessionId: string;
  /** Created or reset by an administrator: only signing out and setting one's own password are allowed. */
  mustChangePassword?: boolean;
}
