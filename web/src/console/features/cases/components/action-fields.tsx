import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DELIVERY_NAMES } from '@domain/vocabulary/channels';
import { OUTCOME_NAMES } from '@domain/vocabulary/outcomes';
import { REVIEW_OPINION_NAMES } from '@domain/vocabulary/reviews';
import type { Case, CaseAction } from '../api/case-schema';
import { useItemFee } from '../api/get-item-fee';
import { useCenterWindows } from '../api/get-windows';

const reasonsRules = [{ required: true, whitespace: true, message: '请写明理由（书面告知申请人）' }];
const basisRules = [{ required: true, whitespace: true, message: '请写明依据（法律法规或办事指南条款）' }];

/** Values the form starts with for each action: the usual choice, so a plain case needs no typing. */
export function initialValues(c: Case, action: CaseAction): Record<string, unknown> {
  const missing = c.materials.guide.filter((m) => !c.materials.provided.includes(m.name)).map((m) => m.name);
  switch (action) {
    case 'notify-supplement':
      return { missing };
    case 'supplement':
      // what is still asked for: the one-time notice and any later defect request, less what came in since
      return { materials: c.outstandingMaterials.length > 0 ? c.outstandingMaterials : missing };
    case 'pause': {
      const step = c.specialSteps[0];
      return step ? { reason: step.name, limitDays: step.limitDays } : {};
    }
    case 'request-extension':
      return { days: 5 };
    case 'review': {
      const done = new Set(c.reviews.map((r) => r.department));
      return { department: c.jointDepartments.find((d) => !done.has(d)), opinion: 'agree' };
    }
    case 'complete':
      return { outcome: 'approved' };
    case 'deliver':
      return { method: c.channel === 'agent' ? 'agent' : 'window' };
    case 'forward':
      return { urgent: false };
    default:
      return {};
  }
}

/** The fields of an action's input (src/domain/cases/action-inputs.ts), in the words of the hall. */
export function ActionFields({ c, action, form }: { c: Case; action: CaseAction; form: FormInstance }) {
  const outcome = Form.useWatch('outcome', form);
  const windows = useCenterWindows(c.holderOrgId, action === 'transfer');
  const fee = useItemFee(c.itemCode, action === 'complete');
  const guide = c.materials.guide.map((m) => ({ value: m.name, label: `${m.main ? '【主件】' : '【附件】'}${m.name}${c.materials.provided.includes(m.name) ? '（已提供）' : ''}` }));

  switch (action) {
    case 'notify-supplement':
      return (
        <>
          <Form.Item name="missing" label="需补正的材料（一次性全部列明，之后不能再要求其他材料）" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项需要补正的材料' }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={guide} />
          </Form.Item>
          {c.supplementNotice && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="本件已出具过一次性告知书"
              description="按“一次性告知”规定，不能再要求告知书以外的材料；只有已交材料存在缺陷时，才能写明缺陷后要求重新提交。"
            />
          )}
          <Form.Item
            name="defectNote"
            label={c.supplementNotice ? '已交材料的缺陷说明' : '已交材料的缺陷说明（如有）'}
            rules={c.supplementNotice ? [{ required: true, whitespace: true, message: '请写明已交材料存在什么缺陷' }] : undefined}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder="如：户口簿复印件不清晰，需重新提供" />
          </Form.Item>
        </>
      );
    case 'supplement': {
      // The outstanding materials first (a defect request can ask again for one on file), then the rest asked for.
      const requested = [...(c.supplementNotice?.missing ?? []), ...c.defectRequests.flatMap((d) => d.materials)];
      const asked = [...new Set([...c.outstandingMaterials, ...(requested.length > 0 ? requested : c.materials.guide.map((m) => m.name))])];
      const outstanding = new Set(c.outstandingMaterials);
      return (
        <Form.Item name="materials" label="本次补交的材料" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项补交的材料' }]}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={asked.map((m) => {
              const done = !outstanding.has(m) && c.materials.provided.includes(m);
              return { value: m, label: `${m}${done ? '（已提供）' : ''}`, disabled: done };
            })}
          />
        </Form.Item>
      );
    }
    case 'return':
      return (
        <>
          <Form.Item name="reasons" label="退回理由" rules={reasonsRules}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="basis" label="退回依据" rules={basisRules}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'pause':
      return (
        <>
          <Form.Item name="reason" label="特殊环节（办事指南所列）" rules={[{ required: true, message: '请选择特殊环节' }]}>
            <Select
              options={c.specialSteps.map((s) => ({ value: s.name, label: `${s.name}（${s.limitDays} 个工作日，${s.countsTowardLegal ? '计入' : '不计入'}法定时限）` }))}
              onChange={(name: string) => form.setFieldValue('limitDays', c.specialSteps.find((s) => s.name === name)?.limitDays)}
              notFoundContent="本事项办事指南未列特殊环节，不能暂停计时"
            />
          </Form.Item>
          <Form.Item name="limitDays" label="环节时限（工作日）" rules={[{ required: true, message: '请填写环节时限' }]}>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
        </>
      );
    case 'request-extension':
      return (
        <>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请写明延期理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="days" label="延长工作日" rules={[{ required: true, message: '请填写延长的工作日数' }]} extra="须在承诺办结时间之前提出，经中心主任批准；不能超过法定时限。">
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
        </>
      );
    case 'approve-extension':
    case 'reject-extension':
    case 'withdraw':
      return (
        <Form.Item name={action === 'withdraw' ? 'reason' : 'comment'} label={action === 'withdraw' ? '撤回原因' : '审批意见'}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      );
    case 'review': {
      const done = new Set(c.reviews.map((r) => r.department));
      return (
        <>
          <Form.Item name="department" label="审核部门" rules={[{ required: true, message: '请选择审核部门' }]}>
            <Select options={c.jointDepartments.map((d) => ({ value: d, label: done.has(d) ? `${d}（已审核）` : d, disabled: done.has(d) }))} />
          </Form.Item>
          <Form.Item name="opinion" label="审核意见" rules={[{ required: true, message: '请选择审核意见' }]}>
            <Radio.Group options={(['agree', 'disagree'] as const).map((value) => ({ value, label: REVIEW_OPINION_NAMES[value] }))} />
          </Form.Item>
          <Form.Item name="comment" label="具体意见">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    }
    case 'forward':
      return (
        <Form.Item name="urgent" valuePropName="checked" extra="急件随收随报；普通件在每周一（或其后第一个工作日）集中报送。">
          <Checkbox>急件</Checkbox>
        </Form.Item>
      );
    case 'transfer':
      return (
        <Form.Item name="toWindowId" label="转交到窗口" rules={[{ required: true, message: '请选择窗口' }]}>
          <Select loading={windows.isLoading} options={(windows.data ?? []).map((w) => ({ value: w.id, label: w.name }))} />
        </Form.Item>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
            <Radio.Group optionType="button" options={(['approved', 'denied'] as const).map((value) => ({ value, label: OUTCOME_NAMES[value] }))} />
          </Form.Item>
          <Form.Item name="resultNo" label="结果文号（证照编号）">
            <Input maxLength={60} />
          </Form.Item>
          {outcome === 'approved' && (
            <Form.Item
              name="resultValidUntil"
              // the form keeps the date as the server takes it (YYYY-MM-DD); the picker shows it as a day
              getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => d?.format('YYYY-MM-DD')}
              label="证照有效期至（出具的证明、证照有有效期的填写）"
              extra="出具的证明、证照记入申请人的已存档材料（权威部门出具），以后办其他事项不必再交；长期有效的不填。"
            >
              <DatePicker placeholder="请选择日期" style={{ width: 180 }} />
            </Form.Item>
          )}
          {outcome === 'denied' && (
            <>
              <Form.Item name="reasons" label="不予批准的理由" rules={reasonsRules}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item name="basis" label="不予批准的依据" rules={basisRules}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          {fee.data === 0 ? (
            // nothing to enter: a free item is charged nothing, so the clerk is not invited to type a fee
            <Typography.Paragraph type="secondary" data-testid="fee-free">
              本事项办事指南未列收费项目，不收取任何费用，无需登记收费和票据。
            </Typography.Paragraph>
          ) : (
            <>
              <Form.Item name="feeCharged" label="实收费用（元，不收费的不填）" extra={fee.data ? `只能收取办事指南所列的法定费用（本事项 ${fee.data} 元），并开具票据。` : '只能收取办事指南所列的法定费用，并开具票据。'}>
                <InputNumber min={0} precision={2} />
              </Form.Item>
              <Form.Item name="receiptNo" label="票据号（收费时必填）">
                <Input maxLength={60} />
              </Form.Item>
            </>
          )}
        </>
      );
    case 'deliver':
      return (
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Radio.Group optionType="button" options={(['window', 'mail', 'agent'] as const).map((value) => ({ value, label: DELIVERY_NAMES[value] }))} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** What the confirmation says for an action that needs no input. */
export const CONFIRM_TEXT: Partial<Record<CaseAction, string>> = {
  accept: '确认材料齐全，受理本件并开始计时。',
  resume: '确认特殊环节已结束，恢复计时。',
  escalate: '确认将本件上报县政务服务中心决定；本中心全程代理，结果返回后送达申请人。',
  receive: '确认接收本件，由本中心继续办理。',
};
