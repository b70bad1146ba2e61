import { useState, type FormEvent } from 'react';

export interface QueryField {
  id: string;
  label: string;
  placeholder: string;
  initial: string;
}

/**
 * The number and its secret (a query code, or the phone's last four digits) that bring back a complaint or a
 * 咨询: the number is tidied as typed on a phone (full-width, spaces, lower case), the secret keeps digits only.
 * `query` asks the server and answers the sentence to show when it could not find it, or null.
 */
export function QueryForm({
  number,
  secret,
  secretPattern,
  secretProblem,
  query,
}: {
  number: QueryField & { missing: string };
  secret: QueryField;
  secretPattern: RegExp;
  secretProblem: string;
  query(no: string, secret: string): Promise<string | null>;
}) {
  const [no, setNo] = useState(number.initial);
  const [code, setCode] = useState(secret.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const tidy = no.normalize('NFKC').trim().toUpperCase().replace(/\s/g, '');
    setNo(tidy);
    if (!tidy) return setProblem(number.missing);
    if (!secretPattern.test(code)) return setProblem(secretProblem);
    setBusy(true);
    setProblem(null);
    setProblem(await query(tidy, code));
    setBusy(false);
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={number.id}>{number.label}</label>
      <input id={number.id} name={number.id} value={no} onChange={(e) => setNo(e.target.value)} placeholder={number.placeholder} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
      <label htmlFor={secret.id}>{secret.label}</label>
      <input
        id={secret.id}
        name={secret.id}
        value={code}
        onChange={(e) => setCode(e.target.value.normalize('NFKC').replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        autoComplete="off"
        placeholder={secret.placeholder}
      />
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '正在查询…' : '查询'}
      </button>
    </form>
  );
}

/** The number a query page opens with: the one just filed, else ?no= of a link from an SMS. */
export const initialNumber = (filed: string | undefined) => filed ?? new URLSearchParams(window.location.search).get('no') ?? '';
