import { z } from 'zod';
import { CASE_CHANNELS } from '@domain/cases/model';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The ledger filters a dashboard or report number opens (GET /api/cases takes the same): a work list, a center and
 * what is below it (or the center alone), a channel, a window, open cases overdue now or due today, cases completed within local dates (on time or not),
 * cases late within a month. Part
 * of the ledger page's search (router.tsx), so a clicked number opens a ledger of exactly as many cases.
 */
export const ledgerDrillSearch = z.object({
  view: z
    .enum(['mine', 'first-responded', 'held', 'incoming', 'due-today', 'extensions', 'refusals', 'refusals-to-review', 'joint', 'sent-up', 'to-deliver', 'objections', 'covering', 'deadline-changed'])
    .optional(),
  orgId: z.string().optional(),
  /** the center alone, without the centers below (the monthly report's 本级 line) */
  orgOnly: z.enum(['true', 'false']).optional(),
  /** 网上办理 and 代办 of the monthly report */
  channel: z.enum(CASE_CHANNELS).optional(),
  windowId: z.string().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueToday: z.enum(['true', 'false']).optional(),
  completedFrom: isoDate.optional(),
  completedTo: isoDate.optional(),
  /** the monthly report's 超期件: late within these dates */
  overdueFrom: isoDate.optional(),
  overdueTo: isoDate.optional(),
  /** the monthly report's 按时办结: with completedFrom/completedTo, finished by the due date */
  onTime: z.enum(['true', 'false']).optional(),
});
export type LedgerDrillSearch = z.infer<typeof ledgerDrillSearch>;

/** A ledger search a dashboard links to: the drill filters and the ledger's own light and dates. */
export type LedgerLinkSearch = LedgerDrillSearch & { light?: 'green' | 'yellow' | 'red'; from?: string; to?: string };
