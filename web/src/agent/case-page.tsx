/**
 * One case seen from the village: where it stands, what the agent can do now (当场办结, 急件报送, 登记补齐的材料,
 * 已告知并交付) and the sheets to print (代理服务委托书, 一次性告知书, 办理结果单).
 */
import { useState } from 'react';
import { changedMeanwhile, isNetworkProblem, problemText, STEP_MAYBE_SENT } from './api';
import { chineseDate, chineseDateTime, chineseDay, localInputToIso, todayOnPhone } from './format';
import { actOn, getCase, getNextBatch, type Case, type Me, type NextBatch } from './model';
import { BASE, Link } from './router';
import { Alert, casesChanged, ConfirmButton, LoadFailed, Loading, useLoad } from './ui';
import { eventText, outcomeName, proxyName, stageOf } from './words';

export function CasePage({ me, caseId, justRegistered }: { me: Me; caseId: string; justRegistered: boolean }) {
  const loaded = useLoad(`case:${caseId}`, () => getCase(caseId));
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'warn'; text: string } | null>(null);

  const c = loaded.data;
  if (!c) return loaded.error ? <LoadFailed error={loaded.error} retry={loaded.reload} /> : <Loading />;

  async function act(action: string, input: Record<string, unknown>, done: string) {
    if (!c) return;
    setNotice(null);
    try {
      loaded.set(await actOn(c, action, input));
      setNotice({ tone: 'ok', text: done });
      casesChanged();
    } catch (error) {
      if (changedMeanwhile(error)) {
        loaded.reload();
        setNotice({ tone: 'warn', text: '这件办件刚刚有了变化，页面已刷新为最新情况，请核对后再操作。' });
      } else if (isNetworkProblem(error)) {
        setNotice({ tone: 'error', text: STEP_MAYBE_SENT });
      } else {
        setNotice({ tone: 'error', text: problemText(error) });
      }
    }
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  const allowed = new Set(c.allowedActions.map((a) => a.action));
  const here = c.holderOrgId === me.orgId;
  const stage = stageOf(c, me.orgId);
  const approved = c.outcome === 'approved' && (c.status === 'completed' || c.status === 'delivered');

  return (
    <div>
      <p className="back">
        <Link to={`${BASE}/cases`}>‹ 我的办件</Link>
      </p>
      {justRegistered && c.status === 'returned' && (
        <Alert tone="warn" title="已登记为退回件">
          <p>
            办件编号 <strong className="case-no-inline">{c.caseNo}</strong>。请把退回理由告诉群众，退还交来的材料；本件已报乡镇便民服务中心备案，备齐材料后可以重新申请。
          </p>
        </Alert>
      )}
      {justRegistered && c.status !== 'returned' && (
        <Alert tone="ok" title="登记成功">
          <p>
            办件编号 <strong className="case-no-inline">{c.caseNo}</strong>，请把编号告诉群众，凭编号和电话后四位可以查询办理进度。
          </p>
        </Alert>
      )}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}

      <section className="card case-head">
        <div className={`stage stage-${stage.tone}`} data-testid="case-stage">
          {stage.label}
        </div>
        <h1 className="case-item">{c.itemName}</h1>
        <p className="case-no" data-testid="case-no">
          {c.caseNo}
        </p>
        <Guidance c={c} here={here} />
      </section>

      <section className="actions">
        {allowed.has('complete') && here && <CompleteAction onDone={(resultNo) => act('complete', { outcome: 'approved', ...(resultNo ? { resultNo } : {}) }, '办结成功，结果已记录。')} />}
        {approved && (
          <Link className="btn btn-secondary btn-block" to={`${BASE}/cases/${encodeURIComponent(c.id)}/result`}>
            打印办理结果单
          </Link>
        )}
        {allowed.has('deliver') && here && (
          <DeliverAction onDone={(at) => act('deliver', { method: 'agent', ...(at ? { at } : {}) }, '已记录：结果已告知群众并交付。')} />
        )}
        {allowed.has('supplement') && here && c.supplementNotice && (
          <SupplementAction missing={c.outstandingMaterials ?? c.supplementNotice.missing} onDone={(materials) => act('supplement', { materials }, '已登记补齐的材料。')} />
        )}
        {allowed.has('forward') && here && (
          <ForwardAction onDone={() => act('forward', { urgent: true }, '已作为急件报送乡镇便民服务中心。')} />
        )}
        {c.supplementNotice && c.status === 'awaiting_supplement' && (
          <Link className="btn btn-secondary btn-block" to={`${BASE}/cases/${encodeURIComponent(c.id)}/supplement-notice`}>
            打印一次性告知书
          </Link>
        )}
        {c.proxy?.authorized && (
          <Link className="btn btn-secondary btn-block" to={`${BASE}/cases/${encodeURIComponent(c.id)}/authorization`}>
            打印代理服务委托书
          </Link>
        )}
      </section>

      <section className="card">
        <h2>办件信息</h2>
        <dl className="facts">
          <Fact label="办理状态" value={c.statusName} />
          <Fact label="申请人" value={c.applicant.name} />
          <Fact label="身份证号码" value={c.applicant.idNumber} />
          <Fact label="联系电话" value={c.applicant.phone} />
          {c.applicant.address && <Fact label="住址" value={c.applicant.address} />}
          <Fact label="办理方式" value={proxyName(c)} />
          <Fact label="登记时间" value={chineseDateTime(c.createdAt)} />
          {c.dueAt && <Fact label="承诺办结" value={chineseDate(c.dueAt)} />}
          {c.outcome && <Fact label="办理结果" value={`${outcomeName(c)}${c.resultNo ? `（${c.resultNo}）` : ''}`} />}
          {c.delivery && <Fact label="交付群众" value={chineseDateTime(c.delivery.at)} />}
        </dl>
        <h3>收到的材料</h3>
        <ul className="plain-list">
          {c.materials.guide.map((m) => {
            const provided = c.materials.provided.includes(m.name);
            const asked = !provided && (c.outstandingMaterials ?? c.supplementNotice?.missing ?? []).includes(m.name);
            return (
              <li key={m.name} className={provided ? undefined : 'muted'}>
                {provided ? '✓ ' : asked ? '✗ ' : '— '}
                {m.name}
                {m.main ? '（主件）' : ''}
                {asked ? '（待补）' : provided ? '' : '（未提交）'}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="card">
        <h2>办理过程</h2>
        <ol className="timeline">
          {[...c.events].reverse().map((event, i) => (
            <li key={`${event.at}-${i}`} className={i === 0 ? 'latest' : undefined}>
              <time dateTime={event.at}>{chineseDateTime(event.at)}</time>
              <span>
                {eventText(event)}
                {event.by ? `（${event.by}）` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** What the agent should do or say next, in one or two sentences. */
function Guidance({ c, here }: { c: Case; here: boolean }) {
  const waiting = c.status === 'submitted' && here && !c.transitOrgId;
  const next = useLoad(waiting ? `next-batch:${c.id}:${c.version}` : 'none', () => (waiting ? getNextBatch(c.id) : Promise.resolve(null)));
  if (waiting) return <p className="guidance" data-testid="batch-guidance">{batchGuidance(next.data)}</p>;
  if (c.status === 'awaiting_supplement' && c.supplementNotice) {
    return (
      <p className="guidance">
        还缺：<strong>{(c.outstandingMaterials ?? c.supplementNotice.missing).join('、')}</strong>。请一次性告知群众补齐，
        {here ? '群众交来后点“登记补齐的材料”。' : '这是乡镇窗口出具的一次性告知；群众交来材料后，请随下次报送或作为急件送交乡镇窗口登记。'}
      </p>
    );
  }
  if (c.status === 'in_progress' && here) return <p className="guidance">本事项由村里当场办理。核实情况后点“当场办结”，再打印办理结果单交给群众。</p>;
  if (c.status === 'completed' && here) {
    const fromAbove = c.events.some((e) => e.type === 'forward');
    return (
      <p className="guidance">
        {fromAbove
          ? '结果已经回到村里。请通知群众，告知结果并交付后点“已告知并交付”。'
          : '已当场办结。请打印办理结果单交给群众，交付后点“已告知并交付”。'}
      </p>
    );
  }
  if (c.transitOrgId) return <p className="guidance">已报送，等待上级便民服务中心接收。</p>;
  if (!here && (c.status === 'in_progress' || c.status === 'paused' || c.status === 'submitted')) {
    return <p className="guidance">上级便民服务中心正在办理{c.dueAt ? `，承诺 ${chineseDate(c.dueAt)} 前办结` : ''}。办结后结果会回到村里。</p>;
  }
  if (c.status === 'delivered') return <p className="guidance">办理结果已告知群众并交付，本件已经办完。</p>;
  if (c.status === 'returned') return <p className="guidance">本件已退回{c.refusal ? `：${c.refusal.reasons.replace(/[。.]+$/, '')}` : ''}。</p>;
  return null;
}

/**
 * When a waiting case goes up, as the agent may repeat it to the villager: the last day it goes (its limit), and
 * whether it can still go with today's batch. The limit of a case received on a batch day is the NEXT batch day
 * (the batch leaves in the morning), yet a batch sent later that day takes it along.
 */
function batchGuidance(next: NextBatch | null | undefined): string {
  const latest = next?.caseLatestDay;
  const go = '本件需要报送乡镇办理，';
  if (!next || !latest) return `${go}随每周集中报送送到乡镇。`;
  const day = chineseDay(latest);
  if (latest < todayOnPhone()) return `本件应在 ${day}前报送乡镇，已经超过时限，请立即报送。`;
  const withToday = next.batchToday ? '今天的报送批次还没有发出，发出时本件也会一起送去。' : '';
  return `${go}最迟${latest === todayOnPhone() ? '今天' : ''} ${day}随集中报送到乡镇。${withToday}情况紧急的，可以作为急件立即报送。`;
}

function CompleteAction({ onDone }: { onDone: (resultNo: string) => Promise<void> }) {
  const [resultNo, setResultNo] = useState('');
  return (
    <ConfirmButton
      label="当场办结"
      className="btn btn-primary btn-block"
      question="核实无误，当场办结本件？"
      confirmLabel="确认办结"
      onConfirm={() => onDone(resultNo.trim())}
    >
      <label htmlFor="result-no">
        证明编号<span className="optional">（有编号的填写，可不填）</span>
      </label>
      <input id="result-no" value={resultNo} onChange={(e) => setResultNo(e.target.value)} autoComplete="off" />
    </ConfirmButton>
  );
}

export function DeliverAction({ onDone, label = '已告知并交付' }: { onDone: (at: string | undefined) => Promise<void>; label?: string }) {
  const [at, setAt] = useState('');
  return (
    <ConfirmButton
      label={label}
      className="btn btn-primary btn-block"
      question="已经把办理结果告诉群众，并把结果（证件、批复等）交到群众手里了吗？"
      confirmLabel="确认已交付"
      onConfirm={() => onDone(localInputToIso(at))}
    >
      <label>
        告知时间<span className="optional">（就是现在的不用填）</span>
        <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      </label>
    </ConfirmButton>
  );
}

export function ForwardAction({ onDone, label = '作为急件立即报送' }: { onDone: () => Promise<void>; label?: string }) {
  return (
    <ConfirmButton
      label={label}
      className="btn btn-warn btn-block"
      question="立即把本件作为急件单独报送乡镇便民服务中心？普通件不必单独报送，会随每周集中报送一起送去。"
      confirmLabel="确认急件报送"
      onConfirm={onDone}
    />
  );
}

function SupplementAction({ missing, onDone }: { missing: string[]; onDone: (materials: string[]) => Promise<void> }) {
  const [brought, setBrought] = useState<string[]>(missing);
  return (
    <ConfirmButton
      label="登记补齐的材料"
      className="btn btn-primary btn-block"
      question="群众这次交来了哪些材料？"
      confirmLabel="确认登记"
      disabled={false}
      onConfirm={() => (brought.length > 0 ? onDone(brought) : Promise.resolve())}
    >
      <div className="materials">
        {missing.map((name) => (
          <label key={name} className={brought.includes(name) ? 'check check-on' : 'check'}>
            <input
              type="checkbox"
              checked={brought.includes(name)}
              onChange={(e) => setBrought((b) => (e.target.checked ? [...b, name] : b.filter((n) => n !== name)))}
            />
            <span className="check-text">{name}</span>
          </label>
        ))}
      </div>
    </ConfirmButton>
  );
}
