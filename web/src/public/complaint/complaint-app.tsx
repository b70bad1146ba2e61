import { useState } from 'react';
import { ComplaintForm } from './complaint-form';
import { ComplaintQuery } from './complaint-query';
import type { PublicComplaintCreated } from './complaint-api';
import { PublicPage, PublicTabs } from '../public-page';

type View = { kind: 'form' } | { kind: 'filed'; created: PublicComplaintCreated } | { kind: 'query'; initial?: PublicComplaintCreated };

const initialView = (): View => (window.location.pathname.replace(/\/+$/, '').endsWith('/query') ? { kind: 'query' } : { kind: 'form' });

/**
 * The public complaint page (/complaint) and its query (/complaint/query): phone first, large type, one thing per
 * screen. After filing, the number and query code are shown large, to write down (they also come by SMS).
 */
export function ComplaintApp() {
  const [view, setView] = useState<View>(initialView);
  const go = (next: View, path: string) => {
    window.history.pushState(null, '', path);
    setView(next);
    window.scrollTo(0, 0);
  };

  return (
    <PublicPage>
      <PublicTabs
        label="投诉"
        tabs={[
          { href: '/complaint', title: '我要投诉', current: view.kind !== 'query', open: () => go({ kind: 'form' }, '/complaint') },
          { href: '/complaint/query', title: '查询投诉', current: view.kind === 'query', open: () => go({ kind: 'query' }, '/complaint/query') },
        ]}
      />
      {view.kind === 'form' && (
        <>
          <h1>我要投诉</h1>
          <p className="lead">对便民服务中心（站、室）的服务不满意，可以在这里投诉。简单的投诉当天或下一个工作日答复，复杂的 5 个工作日内答复。</p>
          <ComplaintForm onDone={(created) => go({ kind: 'filed', created }, '/complaint')} />
        </>
      )}
      {view.kind === 'filed' && (
        <section className="card filed" data-testid="complaint-filed">
          <h1>投诉已提交</h1>
          <p>请记下投诉编号和查询码，用来查询办理情况和答复（也会发短信给您）：</p>
          <dl className="codes">
            <dt>投诉编号</dt>
            <dd data-testid="filed-no">{view.created.complaintNo}</dd>
            <dt>查询码</dt>
            <dd data-testid="filed-code">{view.created.queryCode}</dd>
          </dl>
          <button type="button" onClick={() => go({ kind: 'query', initial: view.created }, '/complaint/query')}>
            查询办理情况
          </button>
        </section>
      )}
      {view.kind === 'query' && (
        <>
          <h1>查询投诉</h1>
          <ComplaintQuery initial={view.initial} />
        </>
      )}
      <footer className="footer">您的姓名和电话只用于办理和答复您的投诉，不会公开。也可拨打便民服务中心公布的监督电话投诉。</footer>
    </PublicPage>
  );
}
