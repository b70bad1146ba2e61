/** 代为预约 (issue 12 §3): a slot at the township hall for a villager; the check-in code goes to the villager's phone. */
import { useState, type FormEvent } from 'react';
import type { AppointmentView } from '@domain/contract/appointments';
import { api, newKey, problemText } from './api';
import type { Me } from './model';
import { Alert, useLoad } from './ui';

type Slots = { services: { id: string; name: string }[]; days: { date: string; weekday: string; slots: { start: string; end: string; left: number }[] }[] };

export function AppointmentsPage({ me }: { me: Me }) {
  const org = me.org?.parentId;
  const [service, setService] = useState('');
  const [key, setKey] = useState(newKey);
  const [note, setNote] = useState<['ok' | 'error', string]>();
  const slots = useLoad(service + key, () => api<Slots>(`/hall/appointments?orgId=${org}${service && `&serviceId=${service}`}`));
  const mine = useLoad(key, () => api<{ appointments: AppointmentView[] }>('/hall/appointments/mine'));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = Object.fromEntries(new FormData(form));
    const [day, start] = String(f.slot).split(' ');
    try {
      const a = await api<AppointmentView>('/hall/appointments', { method: 'POST', idempotencyKey: key, body: { ...f, orgId: org, serviceId: service, day, start } });
      setNote(['ok', `已为${a.name}预约 ${a.day} ${a.start}（${a.serviceName}），签到码 ${a.code}，已发短信告知本人。`]);
      setKey(newKey());
      form.reset();
    } catch (error) {
      setNote(['error', problemText(error)]);
    }
  }

  /** The villager changed plans: the place goes back and the villager gets an SMS. */
  async function cancel(a: AppointmentView) {
    if (!window.confirm(`取消${a.name} ${a.day} ${a.start}的预约？`)) return;
    try {
      await api(`/hall/appointments/${a.id}/cancel`, { method: 'POST', body: { version: a.version } });
      setNote(['ok', `已取消${a.name}的预约，已发短信告知本人。`]);
      setKey(newKey());
    } catch (error) {
      setNote(['error', problemText(error)]);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)}>
      <h1>代为预约</h1>
      {note && <Alert tone={note[0]}>{note[1]}</Alert>}
      {!!slots.error && <Alert tone="error">{problemText(slots.error)}</Alert>}
      <label htmlFor="ap-s">办理业务</label>
      <select id="ap-s" value={service} onChange={(e) => setService(e.target.value)} required>
        <option value="">请选择</option>
        {slots.data?.services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="ap-t">时段</label>
      <select id="ap-t" name="slot" required>
        {slots.data?.days.flatMap((d) =>
          d.slots.map((s) => (
            <option key={d.date + s.start} value={`${d.date} ${s.start}`} disabled={!s.left}>
              {d.date} {d.weekday} {s.start}-{s.end} 余{s.left}
            </option>
          )),
        )}
      </select>
      <label htmlFor="ap-n">村民姓名</label>
      <input id="ap-n" name="name" required />
      <label htmlFor="ap-p">村民手机</label>
      <input id="ap-p" name="phone" inputMode="numeric" required />
      <button className="btn btn-primary btn-block">预约</button>
      {mine.data?.appointments.map((a) => (
        <p key={a.id}>
          {a.day} {a.start} {a.serviceName} {a.name} {a.statusName} {a.code}{' '}
          {a.status === 'booked' && (
            <button type="button" className="btn" onClick={() => void cancel(a)}>
              取消
            </button>
          )}
        </p>
      ))}
    </form>
  );
}
