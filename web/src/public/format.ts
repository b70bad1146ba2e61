// Dates as people write them (2026年3月16日), in the phone's own time zone. No date library on this page.

const pad = (n: number) => String(n).padStart(2, '0');

export function chineseDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${chineseDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
