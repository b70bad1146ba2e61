import { Alert, App, Button, Card, Form, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useAssessmentRules, useAssessmentSettings, useEditRule, useSaveAssessmentSettings, type AssessmentRuleView } from '@/features/assessment/api/assessment';

const SOURCE: Record<AssessmentRuleView['source'], [string, string]> = { auto: ['自动扣分', 'blue'], manual: ['主任录入', 'orange'], bonus: ['加分', 'green'] };

/**
 * 考核规则 (issue 13 §2): the county rule set as data — each rule's category, points per occurrence, monthly cap,
 * source and switch — and the assessment's settings (chief representative's half share, appeal days, publishing the
 * ranking on 政务公开). The system administrator keeps them.
 */
export function AssessmentRulesPage() {
  const rules = useAssessmentRules();
  const settings = useAssessmentSettings();
  const save = useSaveAssessmentSettings();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AssessmentRuleView | null>(null);
  const put = (body: Parameters<typeof save.mutate>[0]) => save.mutate(body, { onSuccess: () => void message.success('考核设置已保存。'), onError: (e) => showError(e) });

  return (
    <>
      <PageHeader title="考核规则" description="县级考核细则：基础分 100 分，各类扣分以该类分值为限，加分最多到 110 分。修改分值只影响之后记录的扣分。" />
      {(rules.error || settings.error) && <QueryError error={rules.error ?? settings.error} onRetry={() => void (rules.refetch(), settings.refetch())} />}
      <Card title="考核设置" style={{ marginBottom: 16 }} loading={!settings.data}>
        {settings.data && (
          <Form layout="inline">
            <Form.Item label="首席代表分担所在窗口扣分的一半">
              <Switch checked={settings.data.chiefShare} onChange={(v) => put({ chiefShare: v })} aria-label="首席代表分担" />
            </Form.Item>
            <Form.Item label="扣分记录后可申诉天数">
              <InputNumber min={1} max={30} precision={0} defaultValue={settings.data.appealDays} onBlur={(e) => { const n = Number(e.target.value); if (n >= 1 && n <= 30 && n !== settings.data!.appealDays) put({ appealDays: n }); }} aria-label="申诉天数" />
            </Form.Item>
            <Form.Item label="关账后在政务公开公布排名">
              <Switch checked={settings.data.publishRanking} onChange={(v) => put({ publishRanking: v })} aria-label="公布排名" />
            </Form.Item>
          </Form>
        )}
      </Card>
      <Card>
        {rules.data && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`各类扣分上限：${rules.data.categories.filter((c) => c.code !== 'bonus').map((c) => `${c.name} ${c.cap} 分`).join('，')}；加分最多 ${rules.data.categories.find((c) => c.code === 'bonus')?.cap ?? 10} 分。`} />
            <Table<AssessmentRuleView>
              rowKey="code"
              size="middle"
              pagination={false}
              dataSource={rules.data.rules}
              columns={[
                { title: '类别', dataIndex: 'categoryName', width: 100 },
                { title: '规则', render: (_, r) => (<div><strong>{r.name}</strong><Typography.Paragraph type="secondary" style={{ margin: 0 }}>{r.description}</Typography.Paragraph></div>) },
                { title: '来源', width: 100, render: (_, r) => <Tag color={SOURCE[r.source][1]}>{SOURCE[r.source][0]}</Tag> },
                { title: '每次分值', width: 100, render: (_, r) => (r.maxPoints ? `${r.points}～${r.maxPoints}` : r.points) },
                { title: '每月封顶', width: 100, render: (_, r) => r.cap ?? '按类别上限' },
                { title: '启用', width: 80, render: (_, r) => (r.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
                { title: '操作', width: 90, render: (_, r) => <Button size="small" onClick={() => setEditing(r)}>修改</Button> },
              ]}
            />
          </>
        )}
      </Card>
      {editing && <RuleModal rule={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RuleModal({ rule, onClose }: { rule: AssessmentRuleView; onClose: () => void }) {
  const [form] = Form.useForm();
  const edit = useEditRule();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  return (
    <Modal open title={`修改考核规则：${rule.name}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={edit.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ points: rule.points, maxPoints: rule.maxPoints, cap: rule.cap, enabled: rule.enabled }}
        onFinish={(v: { points: number; maxPoints?: number | null; cap?: number | null; enabled: boolean }) =>
          edit.mutate(
            { code: rule.code, points: v.points, maxPoints: v.maxPoints ?? null, cap: v.cap ?? null, enabled: v.enabled, expectedVersion: rule.version },
            {
              onSuccess: () => {
                message.success('考核规则已保存。');
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="points" label="每次扣（加）分" rules={[{ required: true, message: '请填写每次分值' }]}>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        {rule.source !== 'auto' && (
          <Form.Item name="maxPoints" label="最多可录分值（视情节，可空）">
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="cap" label="每月封顶（空：只受类别上限）">
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
