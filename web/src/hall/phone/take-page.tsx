/**
 * 手机取号 (/hall/take/<orgId>): the center's services with how many wait; one touch takes a number, which opens its
 * live position. A phone number may be left for an SMS when the turn is near. A number already taken on this phone
 * today is shown first, so nobody takes two by mistake.
 */
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '@shared/api-client';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { fetchServices, takeTicket, type HallService } from '../hall-api';
import { forgetTicket, keepTicket, keptTicket } from './my-tickets';

const PHONE = /^1\d{10}$/;

export function TakePage({ orgId, onTaken }: { orgId: string; onTaken: (token: string) => void }) {
  const [services, setServices] = useState<HallService[] | null>(null);
  const [orgName, setOrgName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [kept, setKept] = useState(() => keptTicket(orgId));
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    document.title = '手机取号 · 便民服务平台';
    fetchServices(orgId).then(
      (answer) => {
        setServices(answer.services);
        setOrgName(answer.orgName ?? null);
      },
      (error: unknown) => setProblem(isApiError(error) && error.status === 404 ? '没有找到这个服务中心，请扫描大厅里的二维码再试。' : isApiError(error) ? error.title : '网络连接失败，请检查手机网络后再试。'),
    );
  }, [orgId]);

  const take = (service: HallService) => {
    if (busy) return;
    const number = phone.replace(/\s/g, '');
    if (number && !PHONE.test(number)) {
      setProblem('手机号码应为 11 位数字，不需要短信提醒可以不填。');
      return;
    }
    setBusy(service.id);
    setProblem(null);
    takeTicket({ orgId, serviceId: service.id, source: 'phone', phone: number || null }, key.current).then(
      (ticket) => {
        keepTicket(orgId, ticket.token, ticket.number);
        key.current = newIdempotencyKey();
        onTaken(ticket.token);
      },
      (error: unknown) => {
        setBusy(null);
        setProblem(isApiError(error) ? error.title : '取号没有成功，请稍后再试。');
      },
    );
  };

  return (
    <>
      <h1>手机取号</h1>
      {orgName && <p className="lead">{orgName}</p>}
      {kept && (
        <div className="card hall-kept" data-testid="kept-ticket">
          <p>
            您今天已取号 <strong className="key-figure">{kept.number}</strong>
          </p>
          <a className="hall-button-link" href={`/hall/ticket/${encodeURIComponent(kept.token)}`}>
            查看排队进度
          </a>
          <button
            type="button"
            className="hall-plain"
            onClick={() => {
              forgetTicket(orgId);
              setKept(null);
            }}
          >
            为他人再取一个号
          </button>
        </div>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {!kept && (
        <>
          <div className="card hall-phone-field">
            <label htmlFor="take-phone">手机号码（选填）</label>
            <input id="take-phone" type="tel" inputMode="numeric" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="快轮到您时短信提醒" />
          </div>
          <p className="hint">请选择要办理的业务：</p>
          {!services && !problem && <p className="hint">正在读取业务…</p>}
          {services && services.length === 0 && <p className="problem">本中心暂未开放手机取号，请到大厅取号机或服务台取号。</p>}
          <ul className="hall-services">
            {(services ?? []).map((s) => (
              <li key={s.id}>
                <button type="button" disabled={busy !== null} onClick={() => take(s)} aria-label={`${s.name}，等候 ${s.waiting} 人`}>
                  <span className="hall-service-name">{s.name}</span>
                  <span className="hall-service-waiting">{busy === s.id ? '正在取号…' : `等候 ${s.waiting} 人`}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">70 岁以上老人、残疾人请到大厅取号机点选优先，或直接到服务台，优先为您办理。取号后请在叫号前到达大厅，过号需重新排队。</p>
        </>
      )}
    </>
  );
}
