/**
 * 政务公开 (DOMAIN.md "Transparency"): the names on a public page. A finished case's applicant is shown with the first
 * character only, then two asterisks whatever the name's length (张三 → 张**, 欧阳修 → 欧**, a company the same), so
 * neither the given name nor its length can be read off the page. Characters outside the BMP (rare name characters
 * such as 𠮷) count as one. Pure.
 */
export const MASK = '**';

export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return `${first ?? ''}${MASK}`;
}
