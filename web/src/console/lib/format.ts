import dayjs from 'dayjs';

// dates and office hours as a printed notice writes them: one wording for the console and the public pages
export { formatDate, formatSessions } from '@shared/notices/text';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '—';

/** To the second, for jobs that run every 30 seconds or every minute. */
export const formatDateTimeSeconds = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY年M月D日 HH:mm:ss') : '—';

export const yesNo = (value: boolean): string => (value ? '是' : '否');
