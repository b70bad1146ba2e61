import type { OrgLevel } from '../orgs/tree.js';
import type { CaseChannel } from './model.js';
import { CHANNEL_NAMES } from '../vocabulary/channels.js';
import { reject, type Rejection } from './rules.js';
import { receivesOnlineApplications } from '../applications/application.js';

/**
 * Who receives through which channel: a village agent registers agent cases; a township or county window
 * registers window (or self-service kiosk) cases; online applications come from the public portal only: a case of
 * that channel is opened by a window's acceptance of an online application after its pre-review (`fromApplication`).
 */
export function channelRejection(channel: CaseChannel, level: OrgLevel, fromApplication = false): Rejection | null {
  if (fromApplication) {
    return channel === 'online' && receivesOnlineApplications(level) ? null : reject('CHANNEL_NOT_ALLOWED', '网上申请只能由开办该事项的乡镇或县级中心预审受理。');
  }
  if (level === 'village') {
    return channel === 'agent' ? null : reject('CHANNEL_NOT_ALLOWED', `村便民服务室登记的办件，收件渠道应为“${CHANNEL_NAMES.agent}”。`);
  }
  if (channel === 'window' || channel === 'kiosk') return null;
  return reject(
    'CHANNEL_NOT_ALLOWED',
    channel === 'agent'
      ? `“${CHANNEL_NAMES.agent}”渠道只用于村便民服务室登记的办件，窗口收件请选“${CHANNEL_NAMES.window}”。`
      : `网上申请由群众在网上办事大厅提交，窗口不能代为选择“${CHANNEL_NAMES.online}”渠道。`,
  );
}
