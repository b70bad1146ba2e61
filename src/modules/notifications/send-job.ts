import type { Job } from '../../server/jobs.js';
import { deliverInbox, sendDueSms } from './send.js';

/** The outbox's sender (./send.ts): in-app messages delivered, SMS sent with retries, every 15 seconds. */
export const notificationsSendJob: Job = {
  name: 'notifications-send',
  title: '消息发送：投递站内消息，经短信平台发送短信（失败按退避重试，每个号码限频）',
  schedule: '*/15 * * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const inbox = await deliverInbox(ctx, now);
    const sms = await sendDueSms(ctx, now);
    const parts = [
      inbox > 0 ? `站内消息 ${inbox} 条` : '',
      sms.sent > 0 ? `短信发出 ${sms.sent} 条` : '',
      sms.retrying > 0 ? `待重试 ${sms.retrying} 条` : '',
      sms.failed > 0 ? `发送失败 ${sms.failed} 条` : '',
      sms.waiting > 0 ? `暂缓 ${sms.waiting} 条` : '',
      sms.expired > 0 ? `过时效不再发送 ${sms.expired} 条` : '',
    ].filter(Boolean);
    return parts.length > 0 ? `消息发送：${parts.join('，')}` : null;
  },
};
