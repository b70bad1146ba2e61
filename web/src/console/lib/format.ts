import dayjs from 'dayjs';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '—';

/** To the second, for jobs that run every 30 seconds or every minute. */
export const formatDateTimeSeconds = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY年M月D日 HH:mm:ss') : '—';

export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY年M月D日') : '—');

export const yesNo = (value: boolean): string => (value ? '是' : '否');

/** "08:30—12:00、14:30—17:30" */
export const formatSessions = (sessions: readonly { start: string; end: string }[]): string =>
  sessions.length === 0 ? '未设置' : sessions.map((s) => `${s.start}—${s.end}`).join('、');
