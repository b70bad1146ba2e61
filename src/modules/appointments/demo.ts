/**
 * Demo 预约时段 (issue 12 §3) at the demo township: 社保医保 and 户籍证件 take appointments (the demo hall's services,
 * src/modules/hall/demo.ts), so `npm start` shows slots on the public site's 预约 page (/account/appointments).
 */
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { servicesOf } from '../hall/repo.js';
import { insertPlan } from './repo.js';

const DEMO_PLANS: Record<string, { start: string; end: string; capacity: number }[]> = {
  S: [
    { start: '09:00', end: '10:00', capacity: 5 },
    { start: '10:00', end: '11:00', capacity: 5 },
    { start: '14:30', end: '16:00', capacity: 5 },
  ],
  H: [{ start: '09:00', end: '11:00', capacity: 8 }],
};

export async function seedDemoAppointmentPlans(db: Db, orgId: string, at: string): Promise<void> {
  for (const s of await servicesOf(db, orgId)) {
    const ranges = DEMO_PLANS[s.code];
    if (ranges) await insertPlan(db, { service_id: s.id, org_id: orgId, ranges: toJson(ranges), updated_by: null, updated_at: at, version: 1 });
  }
}
