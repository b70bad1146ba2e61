import { useMe } from '@/lib/auth';
import { usePublicFaq } from '../api/consultations';

/**
 * 常见问题 under an item's 办事指南, as the public reads it at the person's center (its own, or the nearest one above
 * it); printed with the guide. Shows nothing when the item has none.
 */
export function ItemFaq({ itemCode }: { itemCode: string }) {
  const me = useMe();
  const faq = usePublicFaq(itemCode, me.user.orgId);
  const entries = faq.data?.entries ?? [];
  if (entries.length === 0) return null;
  return (
    <section className="service-guide" data-testid="item-faq" style={{ paddingTop: 0 }}>
      <h2>常见问题</h2>
      <dl style={{ margin: 0 }}>
        {entries.map((e, i) => (
          <div key={e.id} style={{ marginBottom: 10, breakInside: 'avoid' }}>
            <dt style={{ fontWeight: 600 }}>
              {i + 1}. {e.question}
            </dt>
            <dd style={{ margin: '2px 0 0 1.5em', whiteSpace: 'pre-wrap' }}>{e.answer}</dd>
          </div>
        ))}
      </dl>
      {faq.data?.orgName && <p style={{ color: '#8c8c8c', fontSize: 12, textAlign: 'right', margin: 0 }}>{faq.data.orgName}整理</p>}
    </section>
  );
}
