import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ItemList } from './item-list';
import { FAILURES, getCategories, searchItems, type Failure, type ItemSummary } from './site-api';

/** What the public comes for besides a guide: plain links to the other public pages (home, and the not-found page). */
const SERVICES = [
  { href: '/account', title: '我的办件', note: '登录后网上申请，查看预审和办理结果' },
  { href: '/progress', title: '办件进度查询', note: '凭办件编号和电话后四位查询' },
  { href: '/progress', title: '服务评价', note: '办结后在进度查询里评价' },
  { href: '/consult', title: '我要咨询', note: '办事前问清楚，答复发短信' },
  { href: '/complaint', title: '我要投诉', note: '对服务不满意可以投诉' },
  { href: '/open', title: '政务公开', note: '中心地址、电话、办件结果公示' },
];

/** The public services, each a large link with what it is for: on the home page and wherever a visitor is lost. */
export function ServiceLinks() {
  return (
    <ul className="services" aria-label="便民服务">
      {SERVICES.map((s) => (
        <li key={s.title}>
          <a href={s.href}>
            <span className="services-title">{s.title}</span>
            <span className="services-note">{s.note}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

type Found = { q: string; items: ItemSummary[] } | { q: string; failure: Failure } | null;

/** Home (/): find an item by name, 俗称 or pinyin initials (dbsq), or by category; the other public services. */
export function HomePage({ initialQ }: { initialQ: string }) {
  const [q, setQ] = useState(initialQ);
  const [found, setFound] = useState<Found>(null);
  const [categories, setCategories] = useState<string[] | null>(null);
  const asked = useRef(0);

  const search = async (text: string) => {
    const query = text.trim();
    const mine = ++asked.current;
    // the address keeps the search, so 返回 from a guide comes back to these results
    window.history.replaceState(null, '', query ? `/?q=${encodeURIComponent(query)}` : '/');
    if (!query) {
      setFound(null);
      return;
    }
    const answer = await searchItems(query);
    if (mine !== asked.current) return;
    setFound(answer.ok ? { q: query, items: answer.data } : { q: query, failure: answer.failure });
  };

  useEffect(() => {
    void getCategories().then((answer) => setCategories(answer.ok ? answer.data : []));
  }, []);

  // as the villager types (after a pause of 300 ms; the address's own search at once): one small request a pause
  const typed = useRef(false);
  useEffect(() => {
    const timer = window.setTimeout(() => void search(q), typed.current ? 300 : 0);
    typed.current = true;
    return () => window.clearTimeout(timer);
  }, [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(q);
  };

  return (
    <>
      <h1>办事指南</h1>
      <form className="card search" role="search" onSubmit={submit}>
        <label htmlFor="q">查找要办的事</label>
        <div className="search-row">
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="如 低保、准生证、dbsq"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby="q-hint"
          />
          <button type="submit">查找</button>
        </div>
        <p id="q-hint" className="search-hint">
          可以输入事项名称、平常的叫法或拼音首字母
        </p>
      </form>

      <section aria-live="polite" className="found">
        {found && 'failure' in found && (
          <p className="problem" role="alert">
            {FAILURES[found.failure]}
          </p>
        )}
        {found && 'items' in found && found.items.length === 0 && (
          <p className="hint">没有找到“{found.q}”。换个说法试试，或按下面的类别查找；也可以<a href="/consult">网上咨询</a>。</p>
        )}
        {found && 'items' in found && found.items.length > 0 && (
          <>
            <h2 className="section-title">找到 {found.items.length} 个事项</h2>
            <ItemList items={found.items.slice(0, 20)} label="查找结果" />
          </>
        )}
      </section>

      <section>
        <h2 className="section-title">按类别查找</h2>
        {categories === null ? (
          <p className="hint">正在打开…</p>
        ) : (
          <ul className="categories" aria-label="事项类别">
            {categories.map((c) => (
              <li key={c}>
                <a href={`/categories/${encodeURIComponent(c)}`}>{c}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2 className="section-title">我要办</h2>
        <ServiceLinks />
      </section>

      <footer className="footer site-footer">
        <span>办事指南以各便民服务中心公布的为准。</span>
        <a className="staff-link" href="/staff/">
          工作人员登录
        </a>
      </footer>
    </>
  );
}
