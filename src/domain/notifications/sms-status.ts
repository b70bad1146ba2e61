/**
 * What the public pages may say about SMS (GET /api/public/sms-status): whether each message to the applicant really
 * goes out — a provider configured and the template's provider code set — and whom to ask while it does not. Without
 * a channel a message only waits in the outbox (未配置短信通道): a page that said "已用短信发到您的手机" would send the
 * villager home to wait for a text that never comes. Pure, and free of schema libraries: the public pages import it.
 */

export interface PublicSmsStatus {
  /** a provider is configured (SMS_PROVIDER) */
  configured: boolean;
  /** each SMS template written for the applicant, by code: true when its messages go out */
  templates: Record<string, boolean>;
  /**
   * Who can read a message that was not sent: only the 系统管理员 sees the 短信记录 (a township clerk cannot), and the
   * system administrator works at the county center, the top of the organisation tree; its name and phone.
   */
  administrator: { centerName: string; phone: string | null } | null;
}

/** A template's messages go out (false while the status is not known: a page never promises an SMS it cannot vouch for). */
export const smsGoesOut = (status: PublicSmsStatus | null | undefined, template: string): boolean => status?.templates[template] === true;

/** The verification code was not sent: it waits in the 短信记录, which only the system administrator can open. */
export function codeWaitsText(administrator: PublicSmsStatus['administrator'], minutes: number): string {
  const whom = administrator
    ? `请致电${administrator.centerName}${administrator.phone ? `（${administrator.phone}）` : ''}，由系统管理员在“短信记录”中查看后告诉您`
    : '请联系县政务服务中心，由系统管理员在“短信记录”中查看后告诉您';
  return `本平台尚未开通短信发送，验证码不会发到您的手机。验证码已记入系统的短信记录，${whom}（${minutes} 分钟内有效）。`;
}

/** Under a new booking: what comes by SMS, or, without it, to keep the code. */
export function bookedNote(status: PublicSmsStatus | null | undefined): string {
  const booked = smsGoesOut(status, 'appointment-booked');
  const reminder = smsGoesOut(status, 'appointment-reminder');
  if (booked && reminder) return '签到码已用短信发到您的手机，前一天还会提醒。';
  if (booked) return '签到码已用短信发到您的手机。';
  return '本平台尚未开通短信发送，签到码不会发到您的手机：请记下签到码或截图保存，也可在下面“我的预约”中查看。';
}

/** The 我要咨询 page's words about the answer: by SMS, or only by the query. */
export function consultWords(status: PublicSmsStatus | null | undefined): { lead: string; filedHint: string; waiting: string; phoneProblem: string; phonePlaceholder: string } {
  if (smsGoesOut(status, 'consultation-answered')) {
    return {
      phoneProblem: '请填写 11 位手机号码，答复会用短信发给您',
      phonePlaceholder: '接收答复短信',
      lead: '办事前有不清楚的，可以在这里问。工作人员答复后会发短信告诉您，也可以凭咨询编号查询答复。',
      filedHint: '请记下咨询编号和查询码，用来查询答复（答复后也会发短信给您）：',
      waiting: '工作人员还没有答复。答复后会用短信告诉您，也可以过一会儿再来查询。',
    };
  }
  return {
    phoneProblem: '请填写 11 位手机号码，便于工作人员联系您',
    phonePlaceholder: '便于工作人员联系您',
    lead: '办事前有不清楚的，可以在这里问。工作人员答复后，请凭咨询编号和查询码在本页“查询答复”中查看。',
    filedHint: '请记下咨询编号和查询码，答复要凭它们在本页查询（本平台尚未开通短信发送）：',
    waiting: '工作人员还没有答复，请过一会儿再来查询。',
  };
}

/** Over the online application form: how the pre-review's result reaches the applicant. */
export const applyLead = (status: PublicSmsStatus | null | undefined): string =>
  smsGoesOut(status, 'application-returned') && smsGoesOut(status, 'application-supplement')
    ? '按材料清单拍照或上传 PDF，提交后窗口在 1 个工作日内预审；预审结果短信告知，也可在“我的办件”查看。'
    : '按材料清单拍照或上传 PDF，提交后窗口在 1 个工作日内预审；预审结果请在“我的办件”查看。';
