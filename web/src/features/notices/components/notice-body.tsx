import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import type { NoticeCase } from '../api/get-case';
import type { ItemFacts } from '../api/get-item-facts';
import { DELIVERY_NAMES, type NoticeType } from '@/lib/notices';

interface BodyProps {
  c: NoticeCase;
  item: ItemFacts | undefined;
  centerName: string;
  /** "08:30—12:00、14:30—17:30", or null when the center has not set them */
  officeHours: string | null;
  /** "县" or the deployment's name for the top tier */
  countyName: string;
}

const P = ({ children }: { children: ReactNode }) => <p className="notice-p">{children}</p>;

/** The item's result as its guide names it (《林木采伐许可证》, 给予或不予法律援助决定书). */
const resultName = (item: ItemFacts | undefined): string | null => item?.result?.trim() || null;

const submittedOn = (c: NoticeCase) => formatDate(c.events.find((e) => e.type === 'intake')?.at ?? c.acceptedAt);

const itemPhrase = (c: NoticeCase) => `您于${submittedOn(c)}申请办理的“${c.itemName}”事项`;

const dueText = (c: NoticeCase) => (c.dueAt ? formatDate(c.dueAt) : null);

function MaterialList({ names }: { names: string[] }) {
  return (
    <table className="notice-table">
      <thead>
        <tr>
          <th className="center" style={{ width: '12%' }}>
            序号
          </th>
          <th>材料名称</th>
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

function Acceptance({ c, item }: BodyProps) {
  const due = dueText(c);
  const steps = item?.specialSteps ?? [];
  if (c.kind === 'immediate') {
    return (
      <>
        <P>
          {itemPhrase(c)}，经审查，申请材料齐全、符合法定形式，本中心决定予以受理。本事项为即办件，当场办理，最迟于{due ?? formatDate(c.acceptedAt)}
          办结。
        </P>
        <P>本中心已收取您提交的以下材料：</P>
        <MaterialList names={c.materials.provided} />
      </>
    );
  }
  const result = resultName(item);
  return (
    <>
      <P>
        {itemPhrase(c)}，经审查，申请材料齐全、符合法定形式，本中心决定予以受理，承诺于<strong>{due ?? '—'}</strong>前办结
        {item?.promisedDays ? `（承诺办结时限为${item.promisedDays}个工作日，自受理次日起计算，法定节假日不计算在内）` : ''}。
      </P>
      {steps.length > 0 && (
        <P>
          本事项办理中需进行{steps.map((s) => s.name).join('、')}等特殊环节，所需时间依照规定不计入承诺办结时限，届时本中心将另行告知。
        </P>
      )}
      <P>办结后，本中心将及时通知您领取办理结果{result ? `（${result}）` : ''}。请保持登记电话畅通。</P>
      <P>本中心已收取您提交的以下材料：</P>
      <MaterialList names={c.materials.provided} />
    </>
  );
}

function Supplement({ c }: BodyProps) {
  const notice = c.supplementNotice!;
  return (
    <>
      <P>
        {itemPhrase(c)}，经审查，申请材料不齐全或者不符合法定形式。按照一次性告知制度，现将需要补正的<strong>全部</strong>材料一次性告知如下：
      </P>
      <MaterialList names={notice.missing} />
      {notice.defectNote && <P>补正说明：{notice.defectNote}</P>}
      <P>请您补齐上述全部材料后，到本中心窗口提交。办理时限自本中心收到齐全的补正材料之日起计算。</P>
      <P>以上为需要补正的全部材料，本中心不会再要求您提交本告知书所列以外的材料。</P>
    </>
  );
}

function Return({ c }: BodyProps) {
  const refusal = c.refusal!;
  return (
    <>
      <P>{itemPhrase(c)}，经审查，不符合受理（办理）条件，本中心决定予以退回。现将退回理由和依据告知如下：</P>
      <dl className="notice-fields">
        <dt>退回理由</dt>
        <dd>{refusal.reasons}</dd>
        <dt>退回依据</dt>
        <dd>{refusal.basis}</dd>
      </dl>
      <P>您提交的申请材料随本通知书一并退还。条件具备或材料齐全后，您可以重新申请。</P>
      <P>如对本决定有异议，可向本中心咨询，或依法申请行政复议、提起行政诉讼。</P>
    </>
  );
}

function Joint({ c, item }: BodyProps) {
  const due = dueText(c);
  return (
    <>
      <P>
        {itemPhrase(c)}，申请材料齐全、符合法定形式，本中心已于{formatDate(c.acceptedAt)}予以受理。本事项需由下列部门并联审查办理：
      </P>
      <table className="notice-table">
        <thead>
          <tr>
            <th className="center" style={{ width: '12%' }}>
              序号
            </th>
            <th>联办部门</th>
          </tr>
        </thead>
        <tbody>
          {item?.department && (
            <tr>
              <td className="center">1</td>
              <td>{item.department}（牵头受理）</td>
            </tr>
          )}
          {c.jointDepartments.map((d, i) => (
            <tr key={d}>
              <td className="center">{i + (item?.department ? 2 : 1)}</td>
              <td>{d}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <P>
        本中心作为牵头窗口，统一收取材料、组织各部门同步审查并统一送达结果，您无需再分别到各部门提交材料。各部门共用一个办理时限，承诺于
        <strong>{due ?? '—'}</strong>前办结。
      </P>
    </>
  );
}

function Escalation({ c, item, countyName }: BodyProps) {
  const due = dueText(c);
  const escalated = c.events.find((e) => e.type === 'escalate');
  const result = resultName(item);
  return (
    <>
      <P>
        {itemPhrase(c)}，依照规定须由{countyName}级部门审批。本中心已于{formatDate(c.acceptedAt)}受理，
        {escalated ? `并于${formatDate(escalated.at)}将申请材料报送${countyName}政务服务中心。` : `将及时把申请材料报送${countyName}政务服务中心。`}
      </P>
      <P>
        本事项由本中心全程代理：报送、跟踪审批进度、领回办理结果，均由本中心负责，您无需前往{countyName}政务服务中心。本事项承诺于
        <strong>{due ?? '—'}</strong>前办结，办结后本中心将通知您到本中心领取办理结果{result ? `（${result}）` : ''}。
      </P>
    </>
  );
}

function Completion({ c, item, officeHours, centerName }: BodyProps) {
  const completed = [...c.events].reverse().find((e) => e.type === 'complete');
  const result = resultName(item);
  const denied = c.outcome === 'denied';
  return (
    <>
      <P>
        {itemPhrase(c)}，已于{formatDate(completed?.at)}办结。
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
          办理结果已于{formatDate(c.delivery.at)}以“{DELIVERY_NAMES[c.delivery.method]}”方式送达。
        </P>
      ) : (
        <P>
          请您持本通知书和本人居民身份证，于工作日{officeHours ? `（${officeHours}）` : '办公时间'}到{centerName}窗口领取办理结果
          {result && !denied ? `（${result}）` : ''}。委托他人领取的，受托人须同时携带委托书和本人居民身份证。
        </P>
      )}
      {denied && <P>如对本决定有异议，可依法申请行政复议或者提起行政诉讼。</P>}
    </>
  );
}

const BODIES: Record<NoticeType, (props: BodyProps) => ReactNode> = {
  acceptance: Acceptance,
  supplement: Supplement,
  return: Return,
  joint: Joint,
  escalation: Escalation,
  completion: Completion,
};

/** The wording of the notice: formal and concise, as a government service hall writes it. */
export function NoticeBody({ type, ...props }: BodyProps & { type: NoticeType }) {
  const Body = BODIES[type];
  return <Body {...props} />;
}
