import { useEffect, useState } from 'react';
import { ItemList } from './item-list';
import { FAILURES, itemsOfCategory, type Answer, type ItemSummary } from './site-api';

/** /categories/<name>: the items of one category, each a link to its guide. */
export function CategoryPage({ name }: { name: string }) {
  const [items, setItems] = useState<Answer<ItemSummary[]> | null>(null);
  useEffect(() => {
    void itemsOfCategory(name).then(setItems);
  }, [name]);
  return (
    <>
      <nav className="crumbs" aria-label="位置">
        <a href="/">首页</a>
      </nav>
      <h1>{name}</h1>
      {items === null && <p className="hint">正在打开…</p>}
      {items && !items.ok && (
        <p className="problem" role="alert">
          {FAILURES[items.failure]}
        </p>
      )}
      {items?.ok && items.data.length === 0 && <p className="hint">这个类别下没有在用的事项。</p>}
      {items?.ok && items.data.length > 0 && <ItemList items={items.data} label={`${name}的事项`} />}
    </>
  );
}
