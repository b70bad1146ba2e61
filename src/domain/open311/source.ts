/**
 * Where an online application came from, as a clerk reads it: the public hall, or a third party's platform through
 * Open311 (README "来源记为 Open311"). A clerk checking an Open311 application must know it was filed on the person's
 * behalf — the materials were downloaded from the platform's URLs and the applicant may never have signed in — and by
 * whom (the name the api_key was issued to), so that questions go to the right place.
 *
 * Pure: no I/O.
 */

export const APPLICATION_SOURCES = ['hall', 'open311'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

export interface ApplicationSourceView {
  kind: ApplicationSource;
  /** 网上办事大厅 / Open311 接口（县12345热线平台） */
  name: string;
  /** the third party the api_key was issued to; null for the hall, or when the key is not known */
  platform: string | null;
}

/** The stored `source` with the api_key holder's name (if any) as shown; anything but open311 is the hall. */
export function applicationSourceOf(source: string, platform: string | null | undefined): ApplicationSourceView {
  if (source !== 'open311') return { kind: 'hall', name: '网上办事大厅', platform: null };
  const who = platform?.trim() || null;
  return { kind: 'open311', name: who ? `Open311 接口（${who}）` : 'Open311 接口（第三方平台）', platform: who };
}

/** How the first submission of an Open311 application is described in its 办理过程: who filed it, not the applicant. */
export const submittedVia = (platform: string | null): string => (platform ? `经 Open311 接口（${platform}）提交` : '经 Open311 接口提交');
