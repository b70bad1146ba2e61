/**
 * An online application brought by a third party through Open311 GeoReport v2 (`POST requests`, issue 11 §5): the
 * same making of an application as the public hall's (submit.ts `submitAs`: the domain decides, one transaction
 * writes it, the receipt SMS goes to the applicant), with `source` 'open311', the location and the api_key it came
 * with. The applicant's account is the phone's, or a new one the person claims later (applicants/open311-account.ts).
 *
 * The idempotency key is the caller's hash of the api_key and the request body for the current window; the previous
 * window's key counts too, so the same post sent twice a moment apart never makes two applications.
 */
import type { AppContext } from '../../server/context.js';
import { applicantForOpen311, type NamedApplicant } from '../applicants/open311-account.js';
import { findByPhone } from '../applicants/repo.js';
import * as repo from './repo.js';
import { submitAs, type UploadedMaterial } from './submit.js';

export interface Open311Submission {
  applicant: NamedApplicant;
  itemCode: string;
  orgId: string;
  description: string | null;
  address: string | null;
  latitude: string | null;
  longitude: string | null;
  keyId: string;
  files: readonly UploadedMaterial[];
}

export interface Open311Submitted {
  id: string;
  applicationNo: string;
  replayed: boolean;
}

/** The application an earlier identical post made (the phone's account, any of the keys), if any: before any download. */
export async function earlierOpen311Application(ctx: AppContext, phone: string, keys: readonly string[]): Promise<Open311Submitted | null> {
  const { db } = ctx.database;
  const account = await findByPhone(db, phone);
  if (!account) return null;
  for (const key of keys) {
    const row = await repo.findByKey(db, account.id, key);
    if (row) return { id: row.id, applicationNo: row.application_no, replayed: true };
  }
  return null;
}

export async function submitApplicationFromOpen311(ctx: AppContext, input: Open311Submission, keys: readonly [string, ...string[]]): Promise<Open311Submitted> {
  const { account } = await applicantForOpen311(ctx, input.applicant, 'open311');
  const [key, ...earlierKeys] = keys;
  const made = await submitAs(
    ctx,
    account,
    { itemCode: input.itemCode, orgId: input.orgId, description: input.description ?? undefined, address: input.address ?? undefined, files: input.files },
    key,
    { source: 'open311', latitude: input.latitude, longitude: input.longitude, open311KeyId: input.keyId, earlierKeys },
  );
  const row = await repo.findApplication(ctx.database.db, made.id);
  return { id: made.id, applicationNo: row!.application_no, replayed: made.replayed };
}
