/**
 * 待上传: the registrations taken down with no network, each with the villager's name and the item, until the
 * server has them; one the server refused stays with its words and what to do, and one that went says so, until
 * the agent taps 知道了. The words come from the worker (web/public/agent-sw.js).
 */
import { cachedItems, type Me } from '../model';
import { tellWorker, useQueue } from './register-worker';

export function WaitingList({ me }: { me: Me }) {
  const lines = useQueue();
  if (!lines.length) return null;
  const items = cachedItems(me.orgId);
  return (
    <section className="card" aria-label="待上传的申请">
      {lines.map((w) => (
        <div key={w.key} className="waiting-row">
          <span className={`tag tag-${w.tone}`}>{w.tag}</span> <strong>{w.name}</strong> · {items?.find((i) => i.code === w.itemCode)?.name ?? w.itemCode}
          <p className={`note-${w.tone}`}>{w.note}</p>
          {w.tone !== 'blue' && (
            <button type="button" className="btn btn-secondary" onClick={() => tellWorker('dismiss', w.key)}>
              知道了
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
