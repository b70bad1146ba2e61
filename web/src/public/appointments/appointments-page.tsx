import { useEffect, useState } from 'react';
import { bookedNote } from '@domain/notifications/sms-status';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { useSmsStatus } from '../sms-status';
import { book, cancel, centers, myAppointments, slots, type AppointmentView, type Slots } from './appointments-api';

type Pick = { day: string; weekday: string; start: string; end: string };

/**
 * One of my bookings: when, what, the check-in code large, and 取消 while it is still booked. 取消 asks again on
 * the page itself, never in a pop-up (长辈版: no pop-ups on a public page).
 */
function Booking({ a, onChanged }: { a: AppointmentView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function drop() {
    setAsking(false);
    setBusy(true);
    const answer = await cancel(a);
    setBusy(false);
    if (answer.ok) onChanged();
    else setProblem(answer.title);
  }
  return (
    <li className={`appt appt-${a.status}`} data-testid="my-appointment">
      <p className="appt-when">
        {a.day}（{a.weekday}）{a.start}-{a.end}
        <span className="appt-status">{a.statusName}</span>
      </p>
      <p>
        {a.orgName} · {a.serviceName}
      </p>
      {a.status === 'booked' && (
        <>
          <p className="appt-code">
            签到码 <strong data-testid="appt-code">{a.code}</strong>
          </p>
          <p className="appt-note">当天到大厅取号机输入签到码，或到窗口报签到码，取的号优先叫。</p>
          {asking ? (
            <div className="appt-ask" role="group" aria-label="确认取消预约">
              <p>
                确定取消 {a.day} {a.start}-{a.end} “{a.serviceName}”的预约吗？
              </p>
              <button type="button" className="secondary" onClick={() => void drop()}>
                确定取消
              </button>
              <button type="button" onClick={() => setAsking(false)}>
                不取消
              </button>
            </div>
          ) : (
            <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(true)}>
              {busy ? '正在取消…' : '取消预约'}
            </button>
          )}
        </>
      )}
      {a.ticketNumber && <p>已取号：{a.ticketNumber}</p>}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

/**
 * 预约 (issue 12 §3) for a signed-in applicant: pick the center, the service, a day and a time with places left,
 * confirm; the check-in code shows at once, and comes by SMS where SMS is open (else the page says to keep it).
 * 我的预约 below, with 取消.
 */
export function AppointmentsPage() {
  const [places, setPlaces] = useState<{ id: string; name: string }[]>([]);
  const [orgId, setOrgId] = useState('');
  const [offer, setOffer] = useState<Slots | null>(null);
  const [pick, setPick] = useState<Pick | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<AppointmentView | null>(null);
  const [mine, setMine] = useState<AppointmentView[] | null>(null);
  const sms = useSmsStatus();

  const loadMine = () => void myAppointments().then((a) => (a.ok ? setMine(a.value.appointments) : setProblem(a.title)));
  const load = (org: string, service?: string) => {
    setPick(null);
    void slots(org, service).then((a) => (a.ok ? setOffer(a.value) : setProblem(a.title)));
  };
  useEffect(() => {
    void centers().then((a) => {
      if (!a.ok) return setProblem(a.title);
      setPlaces(a.value);
    });
    loadMine();
  }, []);

  async function confirm() {
    if (!offer?.serviceId || !pick) return;
    setBusy(true);
    setProblem(null);
    const answer = await book({ orgId: offer.orgId, serviceId: offer.serviceId, day: pick.day, start: pick.start }, key);
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.title);
      if (answer.code === 'SLOT_FULL') load(offer.orgId, offer.serviceId);
      return;
    }
    setDone(answer.value);
    setKey(newIdempotencyKey());
    setPick(null);
    load(offer.orgId, offer.serviceId);
    loadMine();
  }

  return (
    <>
      {done && (
        <section className="card appt-done" role="status" data-testid="appt-done">
          <h2>预约成功</h2>
          <p>
            {done.day}（{done.weekday}）{done.start}-{done.end}，{done.serviceName}
          </p>
          <p className="appt-code">
            签到码 <strong>{done.code}</strong>
          </p>
          <p className="appt-note">{bookedNote(sms)}</p>
        </section>
      )}
      <section className="card">
        <label htmlFor="appt-center">办事地点</label>
        <select
          id="appt-center"
          value={orgId}
          onChange={(e) => {
            setOrgId(e.target.value);
            setOffer(null);
            if (e.target.value) load(e.target.value);
          }}
        >
          <option value="">请选择便民服务中心</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {offer && offer.services.length === 0 && <p className="lead">这个中心暂未开放网上预约，可直接到大厅取号。</p>}
        {offer && offer.services.length > 0 && (
          <div className="appt-choices" role="group" aria-label="办理业务">
            {offer.services.map((s) => (
              <button key={s.id} type="button" className={s.id === offer.serviceId ? 'chosen' : undefined} aria-pressed={s.id === offer.serviceId} onClick={() => load(offer.orgId, s.id)}>
                {s.name}
              </button>
            ))}
          </div>
        )}
        {offer?.serviceId && offer.days.length === 0 && <p className="lead">今后 {offer.daysAhead} 天没有可预约的时段，请过几天再看。</p>}
        {offer?.days.map((d) => (
          <div key={d.date} className="appt-day">
            <h3>
              {Number(d.date.slice(5, 7))}月{Number(d.date.slice(8))}日 {d.weekday}
            </h3>
            <div className="appt-choices">
              {d.slots.map((s) => {
                const chosen = pick?.day === d.date && pick.start === s.start;
                return (
                  <button
                    key={s.start}
                    type="button"
                    className={chosen ? 'chosen' : undefined}
                    aria-pressed={chosen}
                    disabled={s.left === 0}
                    onClick={() => setPick({ day: d.date, weekday: d.weekday, start: s.start, end: s.end })}
                  >
                    {s.start}-{s.end}
                    <small>{s.left === 0 ? '已约满' : `余 ${s.left}`}</small>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {pick && offer && (
          <div className="appt-confirm">
            <p>
              预约 {pick.day}（{pick.weekday}）{pick.start}-{pick.end} 的“{offer.serviceName}”
            </p>
            <button type="button" disabled={busy} onClick={() => void confirm()}>
              {busy ? '正在预约…' : '确认预约'}
            </button>
          </div>
        )}
      </section>
      <section className="card">
        <h2>我的预约</h2>
        {mine === null ? <p className="lead">正在读取…</p> : mine.length === 0 ? <p className="lead">还没有预约。</p> : <ul className="appt-list">{mine.map((a) => <Booking key={a.id} a={a} onChanged={loadMine} />)}</ul>}
      </section>
    </>
  );
}
