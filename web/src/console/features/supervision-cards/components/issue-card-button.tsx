import { FlagOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { CARD_LEVEL_NAMES, CARD_LEVELS, CARD_TEXT_LIMITS, DEFAULT_REPLY_WORKING_DAYS, type CardLevel } from '@domain/supervision/cards';
import { useCardDefaults, useIssueCard, useTreeOrgs } from '../api/cards';

interface Props {
  caseId?: string;
  violationId?: string;
  /** the center the card goes to, proposed (the one holding the case, or the violation's) */
  defaultOrgId?: string;
  /** what the card is about, shown in the form */
  about?: string;
  size?: 'small' | 'middle';
  /** after issuing: open the new card (default) or stay */
  stay?: boolean;
}

interface Values {
  orgId: string;
  level: CardLevel;
  content: string;
  replyBy: Dayjs;
}

const LEVEL_HINTS: Record<CardLevel, string> = {
  blue: '提醒中心关注、自行纠正',
  orange: '限期整改，逾期可升级为红色',
  red: '启动问责，中心须书面说明',
};

/**
 * 发督办单: the supervisor's button wherever a case, a violation or a center is shown. The form proposes the center,
 * the reply date of the colour (working days) and keeps one Idempotency-Key per submission.
 */
export function IssueCardButton({ caseId, violationId, defaultOrgId, about, size = 'middle', stay = false }: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const orgs = useTreeOrgs(open);
  const defaults = useCardDefaults(orgId ?? defaultOrgId, open);
  const issue = useIssueCard();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const navigate = useNavigate();

  // cards go to a service center (county or township); a village room is answered for by its township
  const centers = useMemo(() => (orgs.data?.orgs ?? []).filter((o) => o.level !== 'village'), [orgs.data]);
  const setLevel = (level: CardLevel) => {
    const date = defaults.data?.replyBy[level];
    if (date) form.setFieldValue('replyBy', dayjs(date));
  };
  // the proposed date arrives after the form opens (and again for another center's calendar)
  useEffect(() => {
    if (open && defaults.data) setLevel((form.getFieldValue('level') as CardLevel | undefined) ?? 'orange');
  }, [open, defaults.data]);

  const submit = (values: Values) =>
    issue.mutate(
      {
        idempotencyKey: key,
        body: { caseId, violationId, orgId: values.orgId, level: values.level, content: values.content, replyBy: values.replyBy.format('YYYY-MM-DD') },
      },
      {
        onSuccess: (card) => {
          message.success(`已发出${card.cardNo}，已通知${card.orgName}主任。`);
          setOpen(false);
          form.resetFields();
          setKey(newIdempotencyKey());
          if (!stay) void navigate({ to: '/supervision/cards/$id', params: { id: card.id } });
        },
        onError: (e) => showError(e, { form }),
      },
    );

  return (
    <>
      <Button size={size} icon={<FlagOutlined />} onClick={() => setOpen(true)} data-testid="issue-card">
        发督办单
      </Button>
      <Modal
        title="发出督办单"
        open={open}
        onCancel={() => setOpen(false)}
        okText="发出"
        onOk={() => form.submit()}
        confirmLoading={issue.isPending}
        destroyOnHidden
        width={600}
      >
        {about && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`督办事项：${about}`} />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ orgId: defaultOrgId, level: 'orange' }}
          onValuesChange={(changed: Partial<Values>) => changed.level && setLevel(changed.level)}
        >
          <Form.Item name="orgId" label="被督办机构" rules={[{ required: true, message: '请选择被督办的便民服务中心' }]}>
            <Select
              loading={orgs.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择便民服务中心"
              options={centers.map((o) => ({ value: o.id, label: o.centerName }))}
            />
          </Form.Item>
          <Form.Item name="level" label="督办级别" rules={[{ required: true }]}>
            <Radio.Group>
              {CARD_LEVELS.map((l) => (
                <Radio key={l} value={l} title={LEVEL_HINTS[l]}>
                  {CARD_LEVEL_NAMES[l]}（{DEFAULT_REPLY_WORKING_DAYS[l]} 个工作日内回告）
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="content" label="督办内容" rules={[{ required: true, whitespace: true, message: '请填写督办内容：要求中心做什么、说明什么' }]}>
            <Input.TextArea rows={4} maxLength={CARD_TEXT_LIMITS.content} showCount placeholder="如：该件已超过承诺办结时间，请查明原因、限期办结，并书面回告。" />
          </Form.Item>
          <Form.Item
            name="replyBy"
            label="回告期限"
            extra="须是今后的工作日；按级别建议的日期已按工作日历算好，可以修改。"
            rules={[{ required: true, message: '请选择回告期限' }]}
          >
            <DatePicker style={{ width: 220 }} disabledDate={(d) => !!defaults.data && d.format('YYYY-MM-DD') <= defaults.data.today} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
