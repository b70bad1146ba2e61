/**
 * AB posts (AB岗, DOMAIN.md rule 8): every window post has a backup. When A is away (leave, meeting, sick),
 * B acts with A's authority: new work and A's open cases go to B. No window is ever unmanned in the system's view,
 * so a window with neither present is reported for the director to cover.
 */
export interface PostHolder {
  userId: string;
  name: string;
  away: boolean;
}

export interface WindowPosts {
  postA: PostHolder | null;
  postB: PostHolder | null;
}

export type Acting = { userId: string; name: string; post: 'A' | 'B' } | null;

/** Who works the window now: A when present, otherwise B when present, otherwise nobody (unmanned). */
export function actingHolder(w: WindowPosts): Acting {
  if (w.postA && !w.postA.away) return { userId: w.postA.userId, name: w.postA.name, post: 'A' };
  if (w.postB && !w.postB.away) return { userId: w.postB.userId, name: w.postB.name, post: 'B' };
  return null;
}

/** Windows a person works now, by post: their own A posts while present, and B posts whose A is away. */
export function windowsWorkedBy<W extends WindowPosts & { id: string }>(windows: readonly W[], userId: string): string[] {
  return windows.filter((w) => actingHolder(w)?.userId === userId).map((w) => w.id);
}

/** Windows a person works now as the backup: their B posts whose A is away (what B does for A). */
export function windowsCoveredBy<W extends WindowPosts & { id: string }>(windows: readonly W[], userId: string): string[] {
  return windows
    .filter((w) => {
      const acting = actingHolder(w);
      return acting?.post === 'B' && acting.userId === userId;
    })
    .map((w) => w.id);
}

/**
 * Windows nobody works now: staffed (A or B named) but with both away, so the director must cover them. A window
 * with no posts at all is not set up yet, not unmanned.
 */
export function unmannedWindows<W extends WindowPosts & { id: string }>(windows: readonly W[]): W[] {
  return windows.filter((w) => (w.postA !== null || w.postB !== null) && actingHolder(w) === null);
}

/** A and B must be two different people, or the backup is no backup. */
export const samePersonProblem = (postA: string | null, postB: string | null): string | null =>
  postA !== null && postA === postB ? 'A岗和B岗须由两名不同的工作人员担任，请另选B岗人员。' : null;
