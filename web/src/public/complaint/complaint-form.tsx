import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { fileComplaint, getCenters, type Failure, type PublicCenters, type PublicComplaintCreated } from './complaint-api';

const FAILURES: Record<Exclude<Failure['kind'], 'invalid'>, string> = {
  'not-found': '提交没有成功，请刷新页面后重试',
  'too-many': '提交过于频繁，请稍后再试',
  network: '网络连接失败，请检查手机网络后再点“提交投诉”；已填写的内容不会丢失',
  server: '系统暂时无法受理，请稍后再试，或拨打便民服务中心的电话投诉',
};

const FIELD_NAMES: Record<string, string> = { orgId: 'orgId', name: 'name', phone: 'phone', title: 'title', content: 'content', caseNo: 'caseNo' };

/** 我要投诉: which center, your name and phone, what happened. Then the number and query code to keep. */
export function ComplaintForm({ onDone }: { onDone: (created: PublicComplaintCreated) => void }) {
  const [centers, setCenters] = useState<PublicCenters['centers']>([]);
  // 我的办件's 投诉 link names the case (?caseNo=)
  const [values, setValues] = useState(() => ({ orgId: '', name: '', phone: '', title: '', content: '', caseNo: new URLSearchParams(window.location.search).get('caseNo')?.slice(0, 40) ?? '' }));
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    void getCenters().then(setCenters);
  }, []);

  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    // a corrected field loses its red hint at once
    setFieldProblems(({ [field]: _fixed, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.orgId) missing.orgId = '请选择要投诉的便民服务中心（站、室）';
    if (!values.name.trim()) missing.name = '请填写您的姓名';
    if (!/^\d{11}$/.test(values.phone.replace(/\s/g, '')) && !/^0\d{2,3}-?\d{7,8}$/.test(values.phone.replace(/\s/g, ''))) missing.phone = '请填写 11 位手机号码，用于接收投诉编号和答复';
    if (!values.title.trim()) missing.title = '请用一句话写明投诉什么';
    if (!values.content.trim()) missing.content = '请写明经过：时间、地点、发生了什么';
    setFieldProblems(missing);
    if (Object.keys(missing).length > 0) {
      setProblem('请按红字提示补全后再提交');
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await fileComplaint(
      { orgId: values.orgId, name: values.name.trim(), phone: values.phone.replace(/\s/g, ''), title: values.title.trim(), content: values.content.trim(), caseNo: values.caseNo.trim() || undefined },
      key.current,
    );
    setBusy(false);
    if (answer.ok) {
      onDone(answer.created);
      return;
    }
    const f = answer.failure;
    if (f.kind === 'invalid') {
      setFieldProblems(Object.fromEntries(f.errors.map((e) => [FIELD_NAMES[e.path] ?? e.path, e.message])));
      // the reason stands in red under its field (a 办件编号 not found …); here only where to look
      setProblem(f.errors.length > 0 ? '请按红字提示修改后再提交' : f.title);
    } else {
      setProblem(FAILURES[f.kind]);
    }
  }

  const hint = (field: string) =>
    fieldProblems[field] ? (
      <p className="field-problem" id={`${field}-problem`}>
        {fieldProblems[field]}
      </p>
    ) : null;

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="orgId">投诉哪个便民服务中心（站、室）</label>
      <select id="orgId" name="orgId" value={values.orgId} onChange={set('orgId')} aria-describedby="orgId-problem">
        <option value="">请选择</option>
        {centers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.level === 'village' && c.parentName ? `${c.name}（${c.parentName.replace('便民服务中心', '')}）` : c.name}
          </option>
        ))}
      </select>
      {hint('orgId')}
      <label htmlFor="title">投诉什么（一句话）</label>
      <input id="title" name="title" value={values.title} onChange={set('title')} maxLength={100} placeholder="如：窗口人员态度不好" autoComplete="off" />
      {hint('title')}
      <label htmlFor="content">经过</label>
      <textarea id="content" name="content" value={values.content} onChange={set('content')} maxLength={1000} rows={6} placeholder="什么时间、在哪里、发生了什么、希望怎么解决" />
      <p className="counter">{values.content.length}/1000</p>
      {hint('content')}
      <label htmlFor="name">您的姓名</label>
      <input id="name" name="name" value={values.name} onChange={set('name')} maxLength={50} autoComplete="name" />
      {hint('name')}
      <label htmlFor="phone">手机号码</label>
      <input id="phone" name="phone" value={values.phone} onChange={set('phone')} inputMode="tel" maxLength={20} autoComplete="tel" placeholder="接收投诉编号和答复短信" />
      {hint('phone')}
      <label htmlFor="caseNo">办件编号（与某件事有关时填写，可不填）</label>
      <input id="caseNo" name="caseNo" value={values.caseNo} onChange={set('caseNo')} maxLength={40} autoComplete="off" autoCapitalize="off" spellCheck={false} aria-describedby="caseNo-problem" />
      {hint('caseNo')}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '正在提交…' : '提交投诉'}
      </button>
    </form>
  );
}
