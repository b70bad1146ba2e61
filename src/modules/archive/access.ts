/**
 * Who sees which dossiers: the keeping center's staff and everyone above it — the scope of cases.read
 * (src/modules/orgs/service.ts scopeOf: one's own organisation and those below it).
 */
import type { Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../orgs/service.js';
import { findDossier, type DossierRow } from './repo.js';

export const dossierScope = (db: Db, actor: Actor): Promise<Set<string>> => scopeOf(db, actor);

/** The dossier, when it exists (404) and the actor's organisation keeps it or is above the one that does (403). */
export async function visibleDossier(db: Db, actor: Actor, id: string): Promise<DossierRow> {
  const row = await findDossier(db, id);
  if (!row) throw notFound('该案卷');
  if (!(await dossierScope(db, actor)).has(row.org_id)) throw forbidden('查看该案卷', '案卷只能由立卷的中心及其上级查看。');
  return row;
}
