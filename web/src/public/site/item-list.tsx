import type { ItemSummary } from './site-api';

/** Items as links to their guides: the name, why it matched (俗称) and the promised time. */
export function ItemList({ items, label }: { items: ItemSummary[]; label: string }) {
  return (
    <ul className="item-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.code}>
          <a href={`/items/${encodeURIComponent(item.code)}`}>
            <span className="item-list-name">{item.name}</span>
            <span className="item-list-facts">
              {item.aliases.length > 0 && <>俗称：{item.aliases.join('、')} · </>}
              {item.kind === 'immediate' ? '即办' : `承诺 ${item.promisedDays} 个工作日`}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
