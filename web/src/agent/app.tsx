/**
 * 代办员工作台: sign-in, then five screens behind a bottom tab bar (新请求, 我的办件, 集中报送, 待回复, 月报表),
 * the case page and the printed sheets (代理服务委托书 — also before registration —, 一次性告知书, 办理结果单, 报送清单).
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { isNetworkProblem, problemText, whenSessionLost } from './api';
import { AppointmentsPage } from './appointments-page';
import { BatchesPage } from './batches-page';
import { CasePage } from './case-page';
import { CasesPage } from './cases-page';
import { DeliverPage } from './deliver-page';
import { getMe, getNextBatch, listCases, signIn, signOut, villageName, type Me } from './model';
import { MonthlyPage } from './monthly-page';
import { NewRequestPage } from './new-request-page';
import { WaitingList } from './offline/waiting-list';
import { AuthorizationSheet, BatchSheet, DraftAuthorizationSheet, ResultSheet, SupplementNoticeSheet } from './print-sheets';
import { BASE, Link, navigate, parseLocation, useLocation } from './router';
import { Alert, Loading, onCasesChanged, useOnline } from './ui';

type Session = { state: 'checking' } | { state: 'signed-out'; problem?: string } | { state: 'signed-in'; me: Me };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'checking' });

  const check = useCallback(() => {
    setSession({ state: 'checking' });
    getMe().then(
      (me) => setSession({ state: 'signed-in', me }),
      (error: unknown) =>
        setSession({ state: 'signed-out', problem: isNetworkProblem(error) ? '网络连接失败，请检查手机网络后再登录。' : undefined }),
    );
  }, []);

  useEffect(() => {
    check();
    whenSessionLost(() => setSession({ state: 'signed-out', problem: '登录已超时，请重新登录。填写中的内容已保存在本机。' }));
  }, [check]);

  if (session.state === 'checking') return <Loading text="正在打开代办员工作台…" />;
  if (session.state === 'signed-out') return <SignIn problem={session.problem} onSignedIn={(me) => setSession({ state: 'signed-in', me })} />;
  if (!session.me.roles.includes('agent')) {
    return (
      <main className="page">
        <Alert tone="warn" title="本页面供村级代办员使用">
          <p>您的账号不是代办员账号。工作人员请使用电脑打开工作人员控制台。</p>
          <a className="btn btn-primary" href="/staff/">
            打开工作人员控制台
          </a>
        </Alert>
      </main>
    );
  }
  return <Console me={session.me} onSignOut={() => void signOut().finally(() => setSession({ state: 'signed-out' }))} />;
}

// ------------------------------------------------------------------------------------------------ sign-in

function SignIn({ problem, onSignedIn }: { problem?: string; onSignedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(problem ?? null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('请填写用户名和密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      onSignedIn(await getMe());
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page page-signin">
      <header className="brand">
        <div className="brand-logo" aria-hidden="true">
          便
        </div>
        <div>
          <div className="brand-name">便民服务平台</div>
          <div className="brand-sub">村级代办员工作台</div>
        </div>
      </header>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>代办员登录</h1>
        <label htmlFor="username">用户名</label>
        <input
          id="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
        />
        <label htmlFor="password">密码</label>
        <input id="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        {error && (
          <p className="problem" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
      <p className="footer">忘记密码或账号被锁定，请联系乡镇便民服务中心重置。</p>
    </main>
  );
}

// ------------------------------------------------------------------------------------------------ console

const TABS: { path: string; label: string; icon: ReactNode }[] = [
  { path: `${BASE}/new`, label: '新请求', icon: <path d="M12 5v14M5 12h14" /> },
  { path: `${BASE}/cases`, label: '我的办件', icon: <path d="M6 3h9l4 4v14H6zM9 11h7M9 15h7" /> },
  { path: `${BASE}/batches`, label: '集中报送', icon: <path d="M4 12l16-8-6 16-2-6zM12 14l8-10" /> },
  { path: `${BASE}/deliver`, label: '待回复', icon: <path d="M4 7h16v12H4zM4 7l8 6 8-6" /> },
  { path: `${BASE}/monthly`, label: '月报表', icon: <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" /> },
];

function Console({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const location = useLocation();
  const online = useOnline();
  const { parts, query } = parseLocation(location);
  const [section = 'new', id, sheet] = parts;

  useEffect(() => {
    if (parts.length === 0) navigate(`${BASE}/new`, { replace: true });
  }, [parts.length]);

  // how many wait for the batch and for the villager to be told, on the tabs; asked again on every screen change
  const [badges, setBadges] = useState<Record<string, number>>({});
  const [changes, setChanges] = useState(0);
  useEffect(() => onCasesChanged(() => setChanges((n) => n + 1)), []);
  useEffect(() => {
    if (!online) return;
    let live = true;
    Promise.all([getNextBatch(), listCases({ view: 'to-deliver', pageSize: 1 })]).then(
      ([next, toDeliver]) => live && setBadges({ [`${BASE}/batches`]: next.waiting, [`${BASE}/deliver`]: toDeliver.total }),
      () => undefined, // the numbers are a convenience: a failure shows none
    );
    return () => {
      live = false;
    };
  }, [section, id, online, changes]);

  // the printed sheets take the whole page: no header, no tab bar
  if (section === 'cases' && id && sheet === 'authorization') return <AuthorizationSheet me={me} caseId={id} />;
  if (section === 'cases' && id && sheet === 'result') return <ResultSheet me={me} caseId={id} />;
  if (section === 'cases' && id && sheet === 'supplement-notice') return <SupplementNoticeSheet caseId={id} />;
  if (section === 'new' && id === 'authorization') return <DraftAuthorizationSheet me={me} />;
  if (section === 'batches' && id) return <BatchSheet me={me} batchId={id} justSent={query.get('sent') === '1'} />;

  let page: ReactNode;
  if (section === 'cases' && id) page = <CasePage me={me} caseId={id} justRegistered={query.get('new') === '1'} />;
  else if (section === 'cases') page = <CasesPage me={me} filter={query.get('show')} />;
  else if (section === 'batches') page = <BatchesPage />;
  else if (section === 'deliver') page = <DeliverPage />;
  else if (section === 'monthly') page = <MonthlyPage me={me} />;
  else if (section === 'appointments') page = <AppointmentsPage me={me} />;
  else page = <NewRequestPage me={me} online={online} />;

  const activeTab = `${BASE}/${section}`;
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar-title">
          <strong>{villageName(me)}代办员</strong>
          <span>
            {me.name}
            {me.officeDay && ` · ${me.officeDay}办公`}
          </span>
        </div>
        <Link className="btn-link" to={`${BASE}/appointments`}>
          代为预约
        </Link>
        <button type="button" className="btn-link" onClick={onSignOut}>
          退出
        </button>
      </header>
      {!online && section !== 'new' && (
        <div className="offline" role="alert">
          网络已断开，请恢复网络后再操作
        </div>
      )}
      <main className="page">
        <WaitingList me={me} />
        {page}
      </main>
      <nav className="tabbar" aria-label="主要功能">
        {TABS.map((tab) => (
          <Link key={tab.path} to={tab.path} className={activeTab === tab.path ? 'tab tab-active' : 'tab'} aria-current={activeTab === tab.path ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              {tab.icon}
            </svg>
            <span>{tab.label}</span>
            {Boolean(badges[tab.path]) && (
              <span className="badge" aria-label={`${badges[tab.path]} 件`}>
                {badges[tab.path]}
              </span>
            )}
          </Link>
        ))}
      </nav>
    </div>
  );
}
