import { lazy, Suspense, useEffect, useState } from 'react';
import { applyLead } from '@domain/notifications/sms-status';
import { PublicPage, PublicTabs } from '../public-page';
import { ApplicationView } from '../applications/application-view';
import { myApplication, type ApplicationDetail } from '../applications/applications-api';
import { ApplyPage } from '../applications/apply-page';
import { AppointmentsPage } from '../appointments/appointments-page';
import { me, type ApplicantView } from './account-api';
import { MePage } from './me-page';
import { RegisterForm } from './register-form';
import { ResetForm } from './reset-form';
import { SignInForm } from './sign-in-form';
import { useSmsStatus } from '../sms-status';

/** A printed paper and its renderer load only when one is opened: 我的 stays small on a phone. */
const CasePaperPage = lazy(() => import('../applications/case-paper').then((m) => ({ default: m.CasePaperPage })));

type View = 'login' | 'register' | 'reset' | 'me' | 'apply' | 'application' | 'paper' | 'appointments';
/** Where the page is: a view, and for 网上申请 the item's code, for one application its id, for a paper (文书) its case's number and the print's id. */
type At = { view: View; param: string | null; printId?: string };

const PATHS: Record<'login' | 'register' | 'reset' | 'me' | 'appointments', string> = { login: '/account/login', register: '/account/register', reset: '/account/reset', me: '/account/me', appointments: '/account/appointments' };
const TITLES: Record<View, string> = { login: '登录', register: '注册', reset: '找回密码', me: '我的', apply: '网上申请', application: '我的办件', paper: '我的办件 · 文书', appointments: '预约' };
const pathOf = (at: At) =>
  at.view === 'apply'
    ? `/account/apply/${encodeURIComponent(at.param ?? '')}`
    : at.view === 'application'
      ? `/account/applications/${encodeURIComponent(at.param ?? '')}`
      : at.view === 'paper'
        ? `/account/cases/${encodeURIComponent(at.param ?? '')}/papers/${encodeURIComponent(at.printId ?? '')}`
        : PATHS[at.view];
/** Views that need a signed-in applicant. */
const SIGNED_IN_ONLY: readonly View[] = ['me', 'apply', 'application', 'paper', 'appointments'];

function atOfPath(): At | null {
  const parts = window.location.pathname.replace(/\/+$/, '').split('/');
  const [, , first, second, third, fourth] = parts;
  if (first === 'cases' && second && third === 'papers' && fourth) return { view: 'paper', param: decodeURIComponent(second), printId: decodeURIComponent(fourth) };
  if (first === 'apply' && second) return { view: 'apply', param: decodeURIComponent(second) };
  if (first === 'applications' && second) return { view: 'application', param: decodeURIComponent(second) };
  return first === 'login' || first === 'register' || first === 'reset' || first === 'me' || first === 'appointments' ? { view: first, param: null } : null;
}

/** One application of 我的办件, loaded by its id. */
function ApplicationPage({ id }: { id: string }) {
  const [application, setApplication] = useState<ApplicationDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void myApplication(id).then((answer) => (answer.ok ? setApplication(answer.value) : setProblem(answer.title)));
  }, [id]);
  if (problem) return <p className="problem" role="alert">{problem}</p>;
  return application ? <ApplicationView application={application} onChanged={setApplication} /> : <p className="lead">正在读取…</p>;
}

/**
 * 网上办事账号 (/account, /account/login|register|reset|me): sign up with phone, SMS code and ID number or credit
 * code; sign in; reset a forgotten password; 我的 with 我的办件; 网上申请 of an item (/account/apply/<code>) and one
 * application (/account/applications/<id>), one printed paper of a case (/account/cases/<caseNo>/papers/<printId>). Plain links, so a bookmark lands on the right page; a page that needs a
 * sign-in comes back after it.
 */
export function AccountApp() {
  const [at, setAt] = useState<At | null>(atOfPath);
  const [after, setAfter] = useState<At | null>(null);
  const [applicant, setApplicant] = useState<ApplicantView | null>(null);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const sms = useSmsStatus();
  const view = at?.view ?? null;

  const goTo = (next: At, replace = false) => {
    if (replace) window.history.replaceState(null, '', pathOf(next));
    else window.history.pushState(null, '', pathOf(next));
    setAt(next);
    window.scrollTo(0, 0);
  };
  const go = (next: 'login' | 'register' | 'reset' | 'me' | 'appointments', replace = false) => goTo({ view: next, param: null }, replace);

  useEffect(() => {
    void me().then((answer) => {
      setChecked(true);
      if (!answer.ok) {
        setProblem(answer.failure.title);
        return;
      }
      setApplicant(answer.value);
      const asked = atOfPath();
      // signed in: the forms make no sense; signed out: 我的, 网上申请 and 我的办件 need a sign-in first (and come back)
      if (answer.value && (asked === null || ['login', 'register'].includes(asked.view))) go('me', true);
      else if (!answer.value && (asked === null || SIGNED_IN_ONLY.includes(asked.view))) {
        if (asked && asked.view !== 'me') setAfter(asked);
        go('login', true);
      }
    });
    const back = () => setAt(atOfPath() ?? { view: 'login', param: null });
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  useEffect(() => {
    document.title = `${view ? TITLES[view] : '我的账号'} · 网上办事大厅`;
  }, [view]);

  const signedIn = (who: ApplicantView) => {
    setApplicant(who);
    if (after) goTo(after);
    else go('me');
    setAfter(null);
  };

  const backToMe = (
    <p className="link-row">
      <a
        href={PATHS.me}
        onClick={(e) => {
          e.preventDefault();
          go('me');
        }}
      >
        返回“我的”
      </a>
    </p>
  );

  return (
    <PublicPage>
      {!checked ? (
        <p className="lead">正在打开…</p>
      ) : problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : view === 'apply' && applicant && at?.param ? (
        <>
          <h1>网上申请</h1>
          <p className="lead">{applyLead(sms)}</p>
          <ApplyPage itemCode={at.param} onSubmitted={(a) => goTo({ view: 'application', param: a.id })} />
        </>
      ) : view === 'application' && applicant && at?.param ? (
        <>
          <h1>我的办件</h1>
          <ApplicationPage id={at.param} />
          {backToMe}
        </>
      ) : view === 'paper' && applicant && at?.param && at.printId ? (
        <>
          <h1>我的办件 · 文书</h1>
          <Suspense fallback={<p className="lead">正在读取…</p>}>
            <CasePaperPage caseNo={at.param} printId={at.printId} />
          </Suspense>
          {backToMe}
        </>
      ) : view === 'appointments' && applicant ? (
        <>
          <h1>预约</h1>
          <p className="lead">选好办事地点、业务和时段，当天凭签到码到大厅取号，优先叫号。</p>
          <AppointmentsPage />
          {backToMe}
        </>
      ) : view === 'me' && applicant ? (
        <>
          <h1>我的</h1>
          <MePage
            applicant={applicant}
            onOpenApplication={(id) => goTo({ view: 'application', param: id })}
            onOpenPaper={(caseNo, printId) => goTo({ view: 'paper', param: caseNo, printId })}
            onOpenAppointments={() => go('appointments')}
            onSignedOut={() => {
              setApplicant(null);
              go('login');
            }}
          />
        </>
      ) : (
        <>
          {view !== 'reset' && (
            <PublicTabs
              label="账号"
              tabs={[
                { href: PATHS.login, title: '登录', current: view !== 'register', open: () => go('login') },
                { href: PATHS.register, title: '注册', current: view === 'register', open: () => go('register') },
              ]}
            />
          )}
          {view === 'register' ? (
            <>
              <h1>注册网上办事账号</h1>
              <p className="lead">用手机号码注册，办事时按身份证号码（企业、单位按统一社会信用代码）实名。注册后可以在网上申请办事、查看办理进度。</p>
              <RegisterForm onDone={signedIn} />
            </>
          ) : view === 'reset' ? (
            <>
              <h1>找回密码</h1>
              <p className="lead">向注册时用的手机号码发送验证码，验证后设置新密码。</p>
              <ResetForm onDone={signedIn} />
              <p className="link-row">
                <a
                  href={PATHS.login}
                  onClick={(e) => {
                    e.preventDefault();
                    go('login');
                  }}
                >
                  想起来了，返回登录
                </a>
              </p>
            </>
          ) : (
            <>
              <h1>登录</h1>
              <SignInForm onDone={signedIn} onForgot={() => go('reset')} />
            </>
          )}
        </>
      )}
      <footer className="footer">您的手机号码、姓名和证件号码只用于网上办事和联系您，不会公开。没有智能手机的，可以带身份证到便民服务中心窗口或村便民服务室办理。</footer>
    </PublicPage>
  );
}
