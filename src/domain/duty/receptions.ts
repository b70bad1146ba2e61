/**
 * 领导接待 records (issue 12 §5): who may follow one up — the leader who received the visitor, or the center's
 * director. Pure: the server checks it on every change and tells the page whether to offer 修改.
 */
import type { Role } from '../roles.js';

export const mayChangeReception = (actor: { userId: string; roles: readonly Role[] }, reception: { leaderUserId: string }): boolean =>
  reception.leaderUserId === actor.userId || actor.roles.includes('director');
