import { exclusively } from '../../db/exclusive.js';
import type { AppContext } from '../../server/context.js';
import { seedDemoApplication } from '../applications/demo.js';
import { seedDemoRoster } from '../duty/demo.js';
import { seedDemoWorkOrder } from '../evaluation/work-order-demo.js';
import { seedDemoCaseHistory } from './case-history.js';

/**
 * The demo's work, loaded by `serve` in demo mode after the region, accounts and catalog: about eight weeks of
 * cases through the real use cases, the one 差评 with its open work order, the demo applicant's online application
 * and the duty rosters. A part that fails is reported in Chinese and the rest still load: the server starts.
 */
export async function loadDemoWork(ctx: AppContext, log: (line: string) => void, warn: (line: string) => void): Promise<void> {
  const attempt = async (what: string, load: () => Promise<string | null | void>) => {
    try {
      const line = await load();
      if (line) log(`已载入${line}`);
    } catch (e) {
      warn(`${what}未能载入：${String(e)}`);
    }
  };
  // processes started together on one empty database: the first loads, the others find its rows
  await exclusively(ctx.database, 'start', async () => {
    await attempt('演示办件记录', () => seedDemoCaseHistory(ctx));
    await attempt('演示差评', () => seedDemoWorkOrder(ctx));
    await attempt('演示网上申请', () => seedDemoApplication(ctx));
    await attempt('演示值班表', () => seedDemoRoster(ctx));
  });
}
