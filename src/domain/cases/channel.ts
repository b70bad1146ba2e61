import type { OrgLevel } from '../orgs/tree.js';
import type { CaseChannel } from './model.js';
import { CHANNEL_NAMES } from '../vocabulary/channels.js';
import { reject, type Rejection } from './rules.js';

/**
 * Who receives through which channel: a village agent registers agent cases; a township or county window
 * registers window (or self-service kiosk) cases; online applications come from the public portal only.
 */
export function channelRejection(channel: CaseChannel, level: OrgLevel): Rejection | null {
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
