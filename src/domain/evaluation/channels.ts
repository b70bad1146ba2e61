/**
 * Where a rating came from (DOMAIN.md "Evaluation"), each with its GB/T 39046 表9 评价渠道 name. Recorded on every
 * rating; the export writes the name.
 */
export const RATING_CHANNELS = ['pad', 'qr', 'progress', 'sms', 'paper', 'default'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export const isRatingChannel = (value: unknown): value is RatingChannel =>
  typeof value === 'string' && (RATING_CHANNELS as readonly string[]).includes(value);

/** What the console shows. */
export const RATING_CHANNEL_NAMES: Record<RatingChannel, string> = {
  pad: '窗口评价器',
  qr: '办结通知书二维码',
  progress: '办件进度查询页',
  sms: '短信评价链接',
  paper: '纸质评价表（代录）',
  default: '系统默认评价',
};

/**
 * 表9 评价渠道 as REFERENCES.md lists the channels in use (PC, 移动端, 二维码, 政务服务大厅评价器, 其他大厅终端, 电话,
 * 短信, 系统默认). The progress page is opened on a phone (移动端); a paper form keyed in is 其他大厅终端 — the hall's
 * own terminal on the rater's behalf — and marked as such on the record (entered_by).
 */
export const RATING_CHANNEL_TABLE9: Record<RatingChannel, string> = {
  pad: '政务服务大厅评价器',
  qr: '二维码',
  progress: '移动端',
  sms: '短信',
  paper: '其他大厅终端（纸质评价表代录）',
  default: '系统默认',
};

/** The channels a rater reaches from the public side with a case number + phone4 or a signed link. */
export const PUBLIC_CHANNELS: readonly RatingChannel[] = ['qr', 'progress', 'sms'];
