import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { centerNow, formatBytes, formatDateTime } from '@/lib/format';
import { isApiError } from '@/lib/api-client';
import type { ApplicationDetail } from '../api/applications';
import { useReviewApplication, type ReviewInput } from '../api/applications';
import { ApplicationStatusTag, PreReviewLight } from './application-tags';

type Material = ApplicationDetail['materials'][number];


/** A material's uploads: images shown small (click for full size), a PDF opened in a new tab. */
function MaterialFiles({ material }: { material: Material }) {
  if (material.files.length === 0) {
    if (material.onFile) return <Tag color="green">已存档（{material.onFile.levelName}，{material.onFile.validUntil ? `有效至 ${material.onFile.validUntil}` : '长期有效'}）</Tag>;
    if (material.state === 'promised') return <Tag color="orange">告知承诺（申请人承诺提供，受理后请核查）</Tag>;
    return <Typography.Text type="secondary">未提交</Typography.Text>;
  }
  return (
    <Space wrap>
      {material.files.map((f, i) => (
        <a key={f.id} href={f.url} target="_blank" rel="noreferrer" data-testid="application-file">
          {f.type.startsWith('image/') ? (
            <img src={f.url} alt={`${material.name}（第 ${i + 1} 份）`} style={{ width: 96, height: 96, objectFit: 'cover', border: '1px solid #d9d9d9', borderRadius: 4 }} />
          ) : (
            <Tag>PDF · {formatBytes(f.size)}</Tag>
          )}
          {i === material.files.length - 1 && material.files.length > 1 && <div style={{ fontSize: 12 }}>最新补传</div>}
        </a>
      ))}
    </Space>
  );
}

/** Why the outcome was not recorded, shown inside the dialog the clerk is looking at (not on the page under its overlay). */
function ReviewError({ error }: { error: unknown }) {
  if (!error) return null;
  const title = isApiError(error) ? error.title : '操作没有成功，请稍后再试。';
  const more = isApiError(error) ? error.errors.map((e) => e.message).filter((m) => !title.includes(m)) : [];
  return <Alert type="error" showIcon role="alert" title={title} description={more.length > 0 ? more.join('；') : undefined} style={{ marginTop: 12 }} data-testid="application-review-error" />;
}

/** 预审: the application, its materials as uploaded or on file, the steps so far, and the three outcomes. */
export function ApplicationReview({ application: a }: { application: ApplicationDetail }) {
  const review = useReviewApplication(a.id);
  const [open, setOpen] = useState<ReviewInput['action'] | null>(null);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [validity, setValidity] = useState<Record<string, string | null>>({});
  const [form] = Form.useForm<{ reason?: string; basis?: string; note?: string }>();
  const canReview = a.allowedActions.length > 0;

  // each opening starts without the previous attempt's error
  const show = (action: ReviewInput['action'] | null) => {
    review.reset();
    setOpen(action);
  };
  const submit = async (input: ReviewInput) => {
    try {
      await review.mutateAsync({ input, expectedVersion: a.version });
    } catch {
      // review.error holds the reason; the open dialog shows it and stays open so the clerk can correct and retry
      return;
    }
    setOpen(null);
    setPicked({});
    form.resetFields();
  };
  // a failed validation is already shown under its field; nothing is sent and nothing is left unhandled
  // (both dialogs share one form, so each checks only its own fields: a closed 退回 dialog must not block 告知)
  const validated = async (fields: ('note' | 'reason' | 'basis')[]) => {
    try {
      return await form.validateFields(fields);
    } catch {
      return null;
    }
  };
  const notify = async () => {
    const values = await validated(['note']);
    if (values) await submit({ action: 'notify-supplement', missing: Object.entries(picked).map(([material, reason]) => ({ material, reason })), note: values.note });
  };
  const sendBack = async () => {
    const values = await validated(['reason', 'basis']);
    if (values) await submit({ action: 'return', reason: values.reason ?? '', basis: values.basis ?? '' });
  };

  return (
    <>
      <Card
        title={
          <Space>
            <span>网上申请 {a.applicationNo}</span>
            <ApplicationStatusTag status={a.status} />
            <PreReviewLight light={a.light} />
          </Space>
        }
        extra={
          canReview && (
            <Space>
              <Button type="primary" onClick={() => show('accept')} data-testid="application-accept">
                通过并受理
              </Button>
              <Button onClick={() => show('notify-supplement')} data-testid="application-notify">
                一次性告知补正
              </Button>
              <Button danger onClick={() => show('return')} data-testid="application-return">
                退回
              </Button>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="申请事项">{a.itemName}（{a.itemCode}）</Descriptions.Item>
          <Descriptions.Item label="办理中心">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="申请人">{a.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={a.applicant.kind === 'person' ? '身份证号码' : '统一社会信用代码'}>{a.applicant.number}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.applicant.phone}</Descriptions.Item>
          <Descriptions.Item label="地址">{a.applicant.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {a.source.kind === 'open311' ? (
              <>
                <span data-testid="application-source">经 {a.source.name}代为提交</span>
                <div style={{ color: '#8c8c8c' }}>材料由系统从第三方平台给出的网址下载；申请人可能还没有登录过网上办事大厅，结果以短信告知。</div>
              </>
            ) : (
              a.source.name
            )}
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(a.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="预审期限">{a.preReviewDueAt ? `${formatDateTime(a.preReviewDueAt)}前（1 个工作日）` : '—'}</Descriptions.Item>
          {a.caseNo && <Descriptions.Item label="办件编号">{a.caseNo}</Descriptions.Item>}
          {a.description && <Descriptions.Item label="申请说明">{a.description}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="申报材料" style={{ marginTop: 16 }}>
        <Table<Material>
          rowKey="name"
          pagination={false}
          dataSource={a.materials}
          columns={[
            { title: '材料', render: (_: unknown, m) => <>{m.name}{m.main ? <Tag color="blue" style={{ marginLeft: 8 }}>必交</Tag> : null}{m.awaitingSupplement && <Tag color="orange">待补正</Tag>}</> },
            { title: '提交情况', render: (_: unknown, m) => <MaterialFiles material={m} /> },
          ]}
        />
      </Card>

      <Card title="办理过程" style={{ marginTop: 16 }}>
        <Timeline
          items={a.steps.map((s) => ({
            children: (
              <>
                <div>
                  <strong>{s.actionName}</strong> {formatDateTime(s.at)} {s.via ?? s.byName ?? (s.action === 'submit' || s.action === 'resubmit' || s.action === 'withdraw' ? '申请人' : '')}
                </div>
                {s.materials.length > 0 && <div>{s.materials.map((m) => (m.reason ? `${m.material}：${m.reason}` : m.material)).join('；')}</div>}
                {s.text && <div>{s.text}</div>}
              </>
            ),
          }))}
        />
      </Card>

      <Modal title="预审通过并受理" open={open === 'accept'} okText="受理" cancelText="取消" confirmLoading={review.isPending} onCancel={() => show(null)} onOk={() => void submit({ action: 'accept', validity: Object.entries(validity).map(([material, validUntil]) => ({ material, validUntil })) })}>
        <p>受理后生成“网上申请”渠道的办件，并短信告知申请人。核验过的材料将存档，申请人下次办事不必再交；有有效期的材料（如身份证）可填写有效期：</p>
        {a.materials
          .filter((m) => m.files.length > 0)
          .map((m) => (
            <div key={m.name} style={{ marginBottom: 8 }}>
              <span style={{ display: 'inline-block', minWidth: 160 }}>{m.name}</span>
              <DatePicker placeholder="有效期至（默认一年）" style={{ width: 200 }} onChange={(d) => setValidity((v) => ({ ...v, [m.name]: d ? d.format('YYYY-MM-DD') : null }))} disabledDate={(d) => d.isBefore(centerNow(), 'day')} />
            </div>
          ))}
        <ReviewError error={review.error} />
      </Modal>

      <Modal title="一次性告知补正" open={open === 'notify-supplement'} okText="发出告知" cancelText="取消" confirmLoading={review.isPending} onCancel={() => show(null)} onOk={() => void notify()}>
        <p>勾选需要补正的每一项材料并写明原因，一次告知齐全；之后只能就这些材料或申请人新补传的材料再次告知。</p>
        {a.materials.map((m) => (
          <div key={m.name} style={{ marginBottom: 8 }}>
            <Checkbox checked={m.name in picked} onChange={(e) => setPicked((p) => (e.target.checked ? { ...p, [m.name]: m.files.length ? '' : '未提供' } : Object.fromEntries(Object.entries(p).filter(([k]) => k !== m.name))))} data-testid={`notify-pick-${m.name}`}>
              {m.name}
            </Checkbox>
            {m.name in picked && <Input style={{ marginTop: 4 }} placeholder="原因，如：照片不清晰、已过期、缺少盖章" value={picked[m.name]} onChange={(e) => setPicked((p) => ({ ...p, [m.name]: e.target.value }))} aria-label={`${m.name}的补正原因`} />}
          </div>
        ))}
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="其他说明（可不填）">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
        <ReviewError error={review.error} />
      </Modal>

      <Modal title="退回申请" open={open === 'return'} okText="退回" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={review.isPending} onCancel={() => show(null)} onOk={() => void sendBack()}>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: '请写明退回的理由' }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder="如：申请人不符合办理条件中的……" />
          </Form.Item>
          <Form.Item name="basis" label="退回依据" rules={[{ required: true, message: '请写明退回的依据' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如：办事指南“办理条件”第二条" />
          </Form.Item>
        </Form>
        <ReviewError error={review.error} />
      </Modal>
    </>
  );
}
