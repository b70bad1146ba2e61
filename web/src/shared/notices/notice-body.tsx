import type { ReactNode } from 'react';
import type { PaperCenter as Center, Paper } from '@domain/contract/papers';
import { PROVISIONAL_MARK, REMEDIES_TEXT, type PaperKind } from '@domain/papers/papers';
import { DELIVERY_NAMES } from '@domain/vocabulary/channels';
import { centerTitle, formatDate, formatSessions } from './text';

interface BodyProps {
  p: Paper;
}

const P = ({ children }: { children: ReactNode }) => <p className="notice-p">{children}</p>;

/** The item's result as its guide names it (《林木采伐许可证》, 给予或不予法律援助决定书). */
const resultName = (p: Paper): string | null => p.item?.result?.trim() || null;

const submittedOn = (p: Paper) => formatDate(p.case.events.find((e) => e.type === 'intake')?.at ?? p.case.acceptedAt);

/** 您于…申请办理的“…”事项; a village's agent case says through which room it came. */
const itemPhrase = (p: Paper) =>
  p.receivedBy && p.case.channel === 'agent'
    ? `您于${submittedOn(p)}经${centerTitle(p.receivedBy)}代办员提交的“${p.case.itemName}”事项申请`
    : `您于${submittedOn(p)}申请办理的“${p.case.itemName}”事项`;

/** A due date as printed: 暂定 when its year's official arrangement is not loaded yet (rule 3). */
function Due({ p, at }: { p: Paper; at?: string | null | undefined }) {
  const date = at === undefined ? p.case.dueAt : at;
  if (!date) return <strong>—</strong>;
  const provisional = Boolean(p.case.dueProvisional) && date === p.case.dueAt;
  // one unbroken figure: a line break must not part the date from its 暂定 (or split the date itself)
  return (
    <strong className="notice-due">
      {formatDate(date)}
      {provisional && <span data-testid="due-provisional">{PROVISIONAL_MARK}</span>}
    </strong>
  );
}

const hoursOf = (c: Center) => (c.officeHours?.sessions.length ? formatSessions(c.officeHours.sessions) : null);

/** 柳河镇便民服务中心（地址：…；办公时间：工作日 …） — a place the applicant is sent to; hours when they must come. */
const placeText = (c: Center, window?: string | null, withHours = true) => {
  const hours = withHours ? hoursOf(c) : null;
  const facts = [c.address ? `地址：${c.address}` : null, hours ? `办公时间：工作日 ${hours}` : null, c.phone ? `电话：${c.phone}` : null].filter(Boolean);
  return `${centerTitle(c)}${window ? window : ''}${facts.length ? `（${facts.join('；')}）` : ''}`;
};

function MaterialList({ names, heading = '材料名称' }: { names: string[]; heading?: string }) {
  return (
    <table className="notice-table">
      <thead>
        <tr>
          <th className="center" style={{ width: '12%' }}>
            序号
          </th>
          <th>{heading}</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name, i) => (
          <tr key={name}>
            <td className="center">{i + 1}</td>
            <td>{name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After 办结: where the result comes back (the village room for an agent's case, rule 9) or this center. */
const resultBack = (p: Paper, result: string | null) =>
  p.receivedBy
    ? `办结后，办理结果${result ? `（${result}）` : ''}将送回${centerTitle(p.receivedBy)}，由代办员及时通知您领取或送达。`
    : `办结后，本中心将及时通知您领取办理结果${result ? `（${result}）` : ''}。`;

function Acceptance({ p }: BodyProps) {
  const c = p.case;
  const steps = p.item?.specialSteps ?? [];
  if (c.kind === 'immediate') {
    return (
      <>
        <P>
          {itemPhrase(p)}，经审查，申请材料齐全、符合法定形式，本中心决定予以受理。本事项为即办件，当场办理，最迟于<Due p={p} at={c.dueAt ?? c.acceptedAt} />
          办结。
        </P>
        <P>本中心已收取您提交的以下材料：</P>
        <MaterialList names={c.materials.provided} />
      </>
    );
  }
  return (
    <>
      <P>
        {itemPhrase(p)}，经审查，申请材料齐全、符合法定形式，本中心决定予以受理，承诺于<Due p={p} />前办结
        {p.item?.promisedDays ? `（承诺办结时限为${p.item.promisedDays}个工作日，自受理次日起计算，法定节假日不计算在内）` : ''}。
      </P>
      {c.dueProvisional && (
        <P>
          标注“暂定”的日期按法定节假日推算；国务院公布该年度节假日安排后，如期限有变化，本中心将另行告知。
        </P>
      )}
      {steps.length > 0 && (
        <P>本事项办理中需进行{steps.map((s) => s.name).join('、')}等特殊环节，所需时间依照规定不计入承诺办结时限，届时本中心将另行告知。</P>
      )}
      <P>{resultBack(p, resultName(p))}请保持登记电话畅通。</P>
      <P>本中心已收到您提交的以下材料：</P>
      <MaterialList names={c.materials.provided} />
    </>
  );
}

function Supplement({ p }: BodyProps) {
  const notice = p.case.supplementNotice!;
  const by = p.supplementBy ? formatDate(`${p.supplementBy}T12:00:00+08:00`) : null;
  return (
    <>
      <P>
        {itemPhrase(p)}，经审查，申请材料不齐全或者不符合法定形式。按照一次性告知制度，现将需要补正的<strong>全部</strong>材料一次性告知如下：
      </P>
      <MaterialList names={notice.missing} />
      {notice.defectNote && <P>补正说明：{notice.defectNote}</P>}
      <P>
        请您{by ? (
          <>
            于<strong>{by}</strong>前（自本告知书出具之日起{p.supplementDays}个工作日内）
          </>
        ) : (
          `自本告知书出具之日起${p.supplementDays}个工作日内`
        )}
        ，携带上述全部材料到<span data-testid="supplement-place">{placeText(p.issuer, p.windowName)}</span>提交
        {p.receivedBy ? `，也可以交由${centerTitle(p.receivedBy)}代办员代为递交` : ''}。如不能按期补正，请及时与本中心联系。
      </P>
      <P>办理时限自本中心收到齐全的补正材料之日起计算。以上为需要补正的全部材料，本中心不会再要求您提交本告知书所列以外的材料。</P>
    </>
  );
}

function Return({ p }: BodyProps) {
  const refusal = p.case.refusal!;
  return (
    <>
      <P>{itemPhrase(p)}，经审查，不符合受理（办理）条件，本中心决定予以退回。现将退回理由和依据告知如下：</P>
      <dl className="notice-fields">
        <dt>退回理由</dt>
        <dd>{refusal.reasons}</dd>
        <dt>退回依据</dt>
        <dd>{refusal.basis}</dd>
      </dl>
      <P>
        {p.handOver
          ? `您提交的申请材料随本通知书退回${placeText(p.handOver, null, false)}，由代办员交还您。`
          : '您提交的申请材料随本通知书一并退还。'}
        条件具备或材料齐全后，您可以重新申请。
      </P>
      <P>
        <span data-testid="remedies">{REMEDIES_TEXT}</span>
      </P>
    </>
  );
}

function Joint({ p }: BodyProps) {
  const c = p.case;
  const department = p.item?.department;
  return (
    <>
      <P>{itemPhrase(p)}，申请材料齐全、符合法定形式，本中心已于{formatDate(c.acceptedAt)}予以受理。本事项需由下列部门并联审查办理：</P>
      <MaterialList names={[...(department ? [`${department}（牵头受理）`] : []), ...c.jointDepartments]} heading="联办部门" />
      <P>
        本中心作为牵头窗口，统一收取材料、组织各部门同步审查并统一送达结果，您无需再分别到各部门提交材料。各部门共用一个办理时限，承诺于
        <Due p={p} />
        前办结。
      </P>
    </>
  );
}

function Escalation({ p }: BodyProps) {
  const c = p.case;
  const county = p.levelNames.county;
  const escalated = c.events.find((e) => e.type === 'escalate');
  return (
    <>
      <P>
        {itemPhrase(p)}，依照规定须由{county}级部门审批。本中心已于{formatDate(c.acceptedAt)}受理，
        {escalated ? `并于${formatDate(escalated.at)}将申请材料报送${county}政务服务中心。` : `将及时把申请材料报送${county}政务服务中心。`}
      </P>
      <P>
        本事项由本中心全程代理：报送、跟踪审批进度、领回办理结果，均由本中心负责，您无需前往{county}政务服务中心。本事项承诺于
        <Due p={p} />
        前办结。{resultBack(p, resultName(p))}
      </P>
    </>
  );
}

function Extension({ p }: BodyProps) {
  const ext = p.extension;
  return (
    <>
      <P>
        {itemPhrase(p)}，本中心已于{formatDate(p.case.acceptedAt)}受理
        {ext?.previousDueAt ? (
          <>
            ，原承诺于<Due p={p} at={ext.previousDueAt} />前办结
          </>
        ) : null}
        。
      </P>
      <P>
        {ext?.reason ? `因${ext.reason}，` : ''}本事项不能在原承诺期限内办结。经本中心负责人批准，办理期限延长
        {ext?.days ? `${ext.days}个工作日` : ''}，现承诺于<Due p={p} at={ext?.dueAt ?? p.case.dueAt} />前办结。
      </P>
      <P>给您带来不便，敬请谅解。{resultBack(p, resultName(p))}</P>
    </>
  );
}

function Completion({ p }: BodyProps) {
  const c = p.case;
  const completed = [...c.events].reverse().find((e) => e.type === 'complete');
  const result = resultName(p);
  const denied = c.outcome === 'denied';
  const pickup = p.handOver ?? p.issuer;
  const hours = hoursOf(pickup);
  return (
    <>
      <P>
        {itemPhrase(p)}，已于{formatDate(completed?.at)}办结。
        {denied ? '经审查，决定不予批准。' : '经审查，决定予以批准（办理）。'}
      </P>
      {denied && c.refusal && (
        <dl className="notice-fields">
          <dt>不予批准的理由</dt>
          <dd>{c.refusal.reasons}</dd>
          <dt>依据</dt>
          <dd>{c.refusal.basis}</dd>
        </dl>
      )}
      {c.resultNo && (
        <dl className="notice-fields">
          <dt>结果文书编号</dt>
          <dd>{c.resultNo}</dd>
        </dl>
      )}
      {c.delivery ? (
        <P>
          {denied ? '《不予批准决定书》' : '办理结果'}已于{formatDate(c.delivery.at)}以“{DELIVERY_NAMES[c.delivery.method]}”方式送达。
        </P>
      ) : (
        // a denial has no result to hand over: the applicant collects the written decision with its reasons
        <P>
          请您持本通知书和本人居民身份证，于工作日{hours ? `（${hours}）` : '办公时间'}到{centerTitle(pickup)}
          {pickup.level === 'village' ? '' : '窗口'}
          {denied ? '领取书面的《不予批准决定书》' : `领取办理结果${result ? `（${result}）` : ''}`}
          {pickup.address ? `，地址：${pickup.address}` : ''}。委托他人领取的，受托人须同时携带委托书和本人居民身份证。
          {pickup.level === 'village' ? `村代办员也可以将${denied ? '决定书' : '结果'}送达给您。` : ''}
        </P>
      )}
      {denied && (
        <P>
          <span data-testid="remedies">{REMEDIES_TEXT}</span>
          对不予批准的理由有疑问的，可以向经办人咨询。
        </P>
      )}
    </>
  );
}

const BODIES: Record<PaperKind, (props: BodyProps) => ReactNode> = {
  acceptance: Acceptance,
  supplement: Supplement,
  return: Return,
  joint: Joint,
  escalation: Escalation,
  extension: Extension,
  completion: Completion,
};

/** The wording of the paper: formal and concise, as a government service hall writes it. */
export function NoticeBody({ p }: BodyProps) {
  const Body = BODIES[p.paper];
  return <Body p={p} />;
}
