/** How a case came in and how its result went back. */
import type { CaseChannel, Delivery } from '../cases/model.js';

export const CHANNEL_NAMES: Record<CaseChannel, string> = {
  window: '窗口',
  agent: '村代办员',
  online: '网上申请',
  kiosk: '自助终端',
};

export const DELIVERY_NAMES: Record<Delivery['method'], string> = {
  window: '窗口领取',
  mail: '邮寄送达',
  agent: '由村代办员送达',
};
