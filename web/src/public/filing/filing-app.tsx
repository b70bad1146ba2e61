import { useEffect, useState, type ReactNode } from 'react';
import { PublicPage, PublicTabs } from '../public-page';

/** What a filed complaint or 咨询 hands back: its number and the query code to write down. */
export interface Filed {
  number: string;
  queryCode: string;
}

type View<T> = { kind: 'form' } | { kind: 'filed'; filed: T } | { kind: 'query'; initial?: T };

/** The words of one filing page (投诉 or 咨询), in the order the villager meets them. */
export interface FilingWords {
  /** 投诉 / 咨询 */
  label: string;
  documentTitle: string;
  formTitle: string;
  queryTitle: string;
  lead: string;
  filedTitle: string;
  filedHint: string;
  numberLabel: string;
  queryButton: string;
  footer: string;
}

/**
 * A public filing page and its query (/complaint and /complaint/query, /consult and /consult/query): phone first,
 * large type, one thing per screen. After filing, the number and query code are shown large, to write down (they
 * also come by SMS), with a button to the query.
 */
export function FilingApp<T>({
  base,
  words,
  numbersOf,
  form,
  query,
}: {
  base: string;
  words: FilingWords;
  numbersOf(filed: T): Filed;
  form(onDone: (filed: T) => void): ReactNode;
  query(initial: T | undefined): ReactNode;
}) {
  const [view, setView] = useState<View<T>>(() => (window.location.pathname.replace(/\/+$/, '').endsWith('/query') ? { kind: 'query' } : { kind: 'form' }));
  useEffect(() => {
    document.title = `${words.documentTitle} · 便民服务平台`;
  }, [words.documentTitle]);
  const go = (next: View<T>, path: string) => {
    window.history.pushState(null, '', path);
    setView(next);
    window.scrollTo(0, 0);
  };
  const filed = view.kind === 'filed' ? numbersOf(view.filed) : null;

  return (
    <PublicPage>
      <PublicTabs
        label={words.label}
        tabs={[
          { href: base, title: words.formTitle, current: view.kind !== 'query', open: () => go({ kind: 'form' }, base) },
          { href: `${base}/query`, title: words.queryTitle, current: view.kind === 'query', open: () => go({ kind: 'query' }, `${base}/query`) },
        ]}
      />
      {view.kind === 'form' && (
        <>
          <h1>{words.formTitle}</h1>
          <p className="lead">{words.lead}</p>
          {form((done) => go({ kind: 'filed', filed: done }, base))}
        </>
      )}
      {view.kind === 'filed' && filed && (
        <section className="card filed" data-testid="filed">
          <h1>{words.filedTitle}</h1>
          <p>{words.filedHint}</p>
          <dl className="codes">
            <dt>{words.numberLabel}</dt>
            <dd data-testid="filed-no">{filed.number}</dd>
            <dt>查询码</dt>
            <dd data-testid="filed-code">{filed.queryCode}</dd>
          </dl>
          <button type="button" onClick={() => go({ kind: 'query', initial: view.filed }, `${base}/query`)}>
            {words.queryButton}
          </button>
        </section>
      )}
      {view.kind === 'query' && (
        <>
          <h1>{words.queryTitle}</h1>
          {query(view.initial)}
        </>
      )}
      <footer className="footer">{words.footer}</footer>
    </PublicPage>
  );
}
