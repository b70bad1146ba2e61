import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '@shared/idempotency-key';
import type { PublicCenters } from '@domain/complaints/contract';
import { consultWords } from '@domain/notifications/sms-status';
import { isValidMobile } from '@domain/people/id-number';
import { useSmsStatus } from '../sms-status';
import { ask, getCenters, getFaq, searchItems, type Asked, type Failure, type ItemChoice } from './consult-api';

const FAILURES: Record<Exclude<Failure['kind'], 'invalid'>, string> = {
  'not-found': '提交没有成功，请刷新页面后重试',
  'too-many': '提交过于频繁，请稍后再试',
  network: '网络连接失败，请检查手机网络后再点“提交咨询”；已填写的内容不会丢失',
  server: '系统暂时无法受理，请稍后再试，或拨打便民服务中心的电话咨询',
};

/** 办什么事 (optional): type a few characters or pinyin, pick one of the matches; or leave it. */
function ItemPicker({ value, onChange }: { value: ItemChoice | null; onChange: (item: ItemChoice | null) => void }) {
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<ItemChoice[]>([]);

  useEffect(() => {
    const text = q.trim();
    if (!text) return setMatches([]);
    let stale = false;
    const timer = setTimeout(() => void searchItems(text).then((found) => !stale && setMatches(found)), 300);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q]);

  if (value) {
    return (
      <div className="item-chosen" data-testid="item-chosen">
        <span>{value.name}</span>
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          不选事项
        </button>
      </div>
    );
  }
  return (
    <>
      <input id="item" name="item" value={q} onChange={(e) => setQ(e.target.value)} maxLength={50} placeholder="输入几个字，如：低保、老年证" autoComplete="off" />
      {matches.length > 0 && (
        <ul className="item-matches" aria-label="可选的事项">
          {matches.map((m) => (
            <li key={m.code}>
              <button type="button" onClick={() => (onChange(m), setQ(''), setMatches([]))}>
                {m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.trim() !== '' && matches.length === 0 && <p className="hint item-none">没有找到这个事项，可以不选，直接写问题。</p>}
    </>
  );
}

/** The chosen item's FAQ at the chosen center, folded: perhaps the question is answered already. */
function FaqPeek({ code, orgId }: { code: string; orgId: string }) {
  const [entries, setEntries] = useState<Awaited<ReturnType<typeof getFaq>>>([]);
  useEffect(() => {
    let stale = false;
    setEntries([]);
    void getFaq(code, orgId).then((found) => !stale && setEntries(found));
    return () => {
      stale = true;
    };
  }, [code, orgId]);
  if (entries.length === 0) return null;
  return (
    <section className="faq-peek" data-testid="faq-peek">
      <p className="faq-peek-title">这个事项的常见问题，也许已有您要的答案：</p>
      {entries.slice(0, 8).map((f) => (
        <details key={f.id}>
          <summary>{f.question}</summary>
          <p>{f.answer}</p>
        </details>
      ))}
    </section>
  );
}

/** 我要咨询: which center, what about (optional), the question, your name and phone. Then the number and query code. */
export function ConsultForm({ onDone }: { onDone: (asked: Asked) => void }) {
  const [centers, setCenters] = useState<PublicCenters['centers']>([]);
  const [values, setValues] = useState({ orgId: '', name: '', phone: '', question: '' });
  const [item, setItem] = useState<ItemChoice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // one key for this question: sent again after a dropped answer, it is the same question, not a second one
  const key = useRef(newIdempotencyKey());
  const words = consultWords(useSmsStatus());

  useEffect(() => {
    void getCenters().then(setCenters);
  }, []);

  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setFieldProblems(({ [field]: _fixed, ...rest }) => rest);
    setProblem(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const phone = values.phone.replace(/\s/g, '');
    const missing: Record<string, string> = {};
    if (!values.orgId) missing.orgId = '请选择向哪个便民服务中心（站、室）咨询';
    if (!values.question.trim()) missing.question = '请写下您想问的问题';
    if (!values.name.trim()) missing.name = '请填写您的姓名';
    if (!isValidMobile(phone)) missing.phone = words.phoneProblem;
    setFieldProblems(missing);
    if (Object.keys(missing).length > 0) return setProblem('请按红字提示补全后再提交');
    setBusy(true);
    setProblem(null);
    const answer = await ask({ orgId: values.orgId, name: values.name.trim(), phone, itemCode: item?.code, question: values.question.trim() }, key.current);
    setBusy(false);
    if (answer.ok) return onDone(answer.asked);
    const f = answer.failure;
    if (f.kind === 'invalid') {
      setFieldProblems(Object.fromEntries(f.errors.map((e) => [e.path, e.message])));
      setProblem(f.title);
    } else setProblem(FAILURES[f.kind]);
  }

  const hint = (field: string) =>
    fieldProblems[field] ? (
      <p className="field-problem" id={`${field}-problem`}>
        {fieldProblems[field]}
      </p>
    ) : null;

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="orgId">向哪个便民服务中心（站、室）咨询</label>
      <select id="orgId" name="orgId" value={values.orgId} onChange={set('orgId')} aria-describedby="orgId-problem">
        <option value="">请选择</option>
        {centers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.level === 'village' && c.parentName ? `${c.name}（${c.parentName.replace('便民服务中心', '')}）` : c.name}
          </option>
        ))}
      </select>
      {hint('orgId')}
      <label htmlFor="item">想办什么事（可不选）</label>
      <ItemPicker value={item} onChange={setItem} />
      {item && values.orgId && <FaqPeek code={item.code} orgId={values.orgId} />}
      {hint('itemCode')}
      <label htmlFor="question">您的问题</label>
      <textarea id="question" name="question" value={values.question} onChange={set('question')} maxLength={500} rows={5} placeholder="如：办老年证要带什么材料？可以让子女代办吗？" />
      <p className="counter">{values.question.length}/500</p>
      {hint('question')}
      <label htmlFor="name">您的姓名</label>
      <input id="name" name="name" value={values.name} onChange={set('name')} maxLength={50} autoComplete="name" />
      {hint('name')}
      <label htmlFor="phone">手机号码</label>
      <input id="phone" name="phone" value={values.phone} onChange={set('phone')} inputMode="tel" maxLength={20} autoComplete="tel" placeholder={words.phonePlaceholder} />
      {hint('phone')}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '正在提交…' : '提交咨询'}
      </button>
    </form>
  );
}
