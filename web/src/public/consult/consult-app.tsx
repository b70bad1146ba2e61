import { useEffect, useState } from 'react';
import { ConsultForm } from './consult-form';
import { ConsultQuery } from './consult-query';
import type { Asked } from './consult-api';
import './consult.css';
import { PublicPage, PublicTabs } from '../public-page';

type View = { kind: 'form' } | { kind: 'asked'; asked: Asked } | { kind: 'query'; initial?: Asked };

const initialView = (): View => (window.location.pathname.replace(/\/+$/, '').endsWith('/query') ? { kind: 'query' } : { kind: 'form' });

/**
 * The public 我要咨询 page (/consult) and its query (/consult/query), in the complaint page's small bundle: phone
 * first, large type. After asking, the number and query code are shown large, to write down (they also come by SMS).
 */
export function ConsultApp() {
  const [view, setView] = useState<View>(initialView);
  useEffect(() => {
    document.title = '网上咨询 · 便民服务平台';
  }, []);
  const go = (next: View, path: string) => {
    window.history.pushState(null, '', path);
    setView(next);
    window.scrollTo(0, 0);
  };

  return (
    <PublicPage>
      <PublicTabs
        label="咨询"
        tabs={[
          { href: '/consult', title: '我要咨询', current: view.kind !== 'query', open: () => go({ kind: 'form' }, '/consult') },
          { href: '/consult/query', title: '查询答复', current: view.kind === 'query', open: () => go({ kind: 'query' }, '/consult/query') },
        ]}
      />
      {view.kind === 'form' && (
        <>
          <h1>我要咨询</h1>
          <p className="lead">办事前有不清楚的，可以在这里问。工作人员答复后会发短信告诉您，也可以凭咨询编号查询答复。</p>
          <ConsultForm onDone={(asked) => go({ kind: 'asked', asked }, '/consult')} />
        </>
      )}
      {view.kind === 'asked' && (
        <section className="card filed" data-testid="consult-asked">
          <h1>咨询已提交</h1>
          <p>请记下咨询编号和查询码，用来查询答复（答复后也会发短信给您）：</p>
          <dl className="codes">
            <dt>咨询编号</dt>
            <dd data-testid="asked-no">{view.asked.consultationNo}</dd>
            <dt>查询码</dt>
            <dd data-testid="asked-code">{view.asked.queryCode}</dd>
          </dl>
          <button type="button" onClick={() => go({ kind: 'query', initial: view.asked }, '/consult/query')}>
            查询答复
          </button>
        </section>
      )}
      {view.kind === 'query' && (
        <>
          <h1>查询答复</h1>
          <ConsultQuery initial={view.initial} />
        </>
      )}
      <footer className="footer">您的姓名和电话只用于答复您的咨询，不会公开。急事也可以拨打便民服务中心的电话咨询。</footer>
    </PublicPage>
  );
}
