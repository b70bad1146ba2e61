import { describe, expect, it } from 'vitest';
import { applyLead, bookedNote, codeWaitsText, consultWords, smsGoesOut, type PublicSmsStatus } from '../../../src/domain/notifications/sms-status.js';

const open: PublicSmsStatus = {
  configured: true,
  templates: { 'appointment-booked': true, 'appointment-reminder': true, 'consultation-answered': true, 'application-returned': true, 'application-supplement': true },
  administrator: { centerName: '清河县政务服务中心', phone: '0371-66881200' },
};
const closed: PublicSmsStatus = { configured: false, templates: Object.fromEntries(Object.keys(open.templates).map((k) => [k, false])), administrator: open.administrator };

describe('what the public pages say about SMS', () => {
  it('never promises an SMS unless its template goes out; unknown counts as not', () => {
    expect(smsGoesOut(open, 'appointment-booked')).toBe(true);
    expect(smsGoesOut(closed, 'appointment-booked')).toBe(false);
    expect(smsGoesOut(null, 'appointment-booked')).toBe(false);
    expect(smsGoesOut(open, 'no-such-template')).toBe(false);
  });

  it('a new booking: sent and reminded; sent only; or keep the code yourself', () => {
    expect(bookedNote(open)).toBe('签到码已用短信发到您的手机，前一天还会提醒。');
    expect(bookedNote({ ...open, templates: { ...open.templates, 'appointment-reminder': false } })).toBe('签到码已用短信发到您的手机。');
    for (const s of [closed, null]) {
      expect(bookedNote(s)).not.toMatch(/已用短信发/);
      expect(bookedNote(s)).toContain('请记下签到码');
    }
  });

  it('the consultation page promises the answer by SMS only when it goes out', () => {
    expect(consultWords(open).filedHint).toContain('答复后也会发短信给您');
    for (const w of Object.values(consultWords(closed))) expect(w).not.toMatch(/会发短信|会用短信|用短信发/);
    expect(consultWords(closed).waiting).toBe('工作人员还没有答复，请过一会儿再来查询。');
    expect(applyLead(open)).toContain('预审结果短信告知');
    expect(applyLead(closed)).not.toContain('短信告知');
  });

  it('a code that was not sent: the county center\'s system administrator, with its phone, not a township clerk', () => {
    const text = codeWaitsText(open.administrator, 10);
    expect(text).toBe('本平台尚未开通短信发送，验证码不会发到您的手机。验证码已记入系统的短信记录，请致电清河县政务服务中心（0371-66881200），由系统管理员在“短信记录”中查看后告诉您（10 分钟内有效）。');
    expect(text).not.toContain('工作人员');
    expect(codeWaitsText({ centerName: '清河县政务服务中心', phone: null }, 5)).toContain('请致电清河县政务服务中心，由系统管理员');
    expect(codeWaitsText(null, 5)).toContain('系统管理员');
  });
});
