import { Button, Table, Tag, Typography, Upload } from 'antd';
import { Link } from '@tanstack/react-router';
import { evidenceUrl, type AssessmentDeduction } from '../api/assessment';

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '0' : String(n));
const day = (iso: string) => iso.slice(0, 10);

function statusTag(d: AssessmentDeduction) {
  if (d.status === 'cancelled') return <Tag color="green">申诉成立，不计分</Tag>;
  if (d.status === 'withdrawn') return <Tag>已撤回，不计分</Tag>;
  if (d.appeal?.status === 'pending') return <Tag color="orange">申诉中</Tag>;
  if (d.appeal?.status === 'rejected') return <Tag color="red">申诉未成立</Tag>;
  if (d.points === 0 && d.recordedPoints !== 0) return <Tag>超出封顶，不再扣分</Tag>;
  return <Tag color="blue">计分</Tag>;
}

/** A subject's deductions and bonuses, each with its rule, case, reason, status and the actions the viewer may take. */
export function DeductionsTable({
  deductions,
  onAppeal,
  onWithdraw,
  onEvidence,
}: {
  deductions: AssessmentDeduction[];
  onAppeal?: ((d: AssessmentDeduction) => void) | undefined;
  onWithdraw?: ((d: AssessmentDeduction) => void) | undefined;
  /** the director attaches a photo or PDF to a manual item */
  onEvidence?: ((d: AssessmentDeduction, file: File) => void) | undefined;
}) {
  return (
    <Table<AssessmentDeduction>
      size="small"
      rowKey={(d) => `${d.itemId}${d.share ? ':share' : ''}`}
      dataSource={deductions}
      pagination={false}
      locale={{ emptyText: '本月没有扣分和加分记录' }}
      columns={[
        { title: '日期', dataIndex: 'occurredAt', width: 110, render: (v: string) => day(v) },
        {
          title: '考核规则',
          width: 180,
          render: (_, d) => (
            <span>
              <Typography.Text type="secondary">{d.categoryName} · </Typography.Text>
              {d.ruleName}
              {d.share && <Tag style={{ marginLeft: 4 }}>首席代表分担</Tag>}
            </span>
          ),
        },
        {
          title: '分值',
          width: 90,
          render: (_, d) => (
            <span className="assessment-points" style={{ color: d.points < 0 ? '#cf1322' : d.points > 0 ? '#389e0d' : undefined }}>
              {signed(d.points)}
              {d.points !== d.recordedPoints && <Typography.Text type="secondary">（记 {signed(d.recordedPoints)}）</Typography.Text>}
            </span>
          ),
        },
        {
          title: '原因',
          render: (_, d) => (
            <div>
              <div>{d.reason}</div>
              {d.evidenceName && (
                <a href={evidenceUrl(d.itemId)} target="_blank" rel="noreferrer" style={{ display: 'block' }}>
                  证据：{d.evidenceName}
                </a>
              )}
              {d.appeal && (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  <div>申诉：{d.appeal.reason}</div>
                  {d.appeal.decisionReason && <div>主任决定：{d.appeal.decisionReason}</div>}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: '办件',
          width: 160,
          render: (_, d) => (d.caseId ? <Link to="/cases/$id" params={{ id: d.caseId }}>{d.caseNo ?? '查看办件'}</Link> : (d.caseNo ?? '—')),
        },
        { title: '状态', width: 140, render: (_, d) => statusTag(d) },
        {
          title: '操作',
          width: 120,
          render: (_, d) => (
            <>
              {onAppeal && d.canAppeal && (
                <Button size="small" onClick={() => onAppeal(d)}>
                  申诉
                </Button>
              )}
              {onAppeal && d.canAppeal && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>截至 {d.appealDeadline}</Typography.Text>}
              {onEvidence && d.origin === 'manual' && d.status === 'active' && !d.share && (
                <Upload
                  accept="image/jpeg,image/png,application/pdf"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    onEvidence(d, file);
                    return false;
                  }}
                >
                  <Button size="small">{d.evidenceName ? '换证据' : '传证据'}</Button>
                </Upload>
              )}
              {onWithdraw && d.origin === 'manual' && d.status === 'active' && !d.share && (
                <Button size="small" danger onClick={() => onWithdraw(d)}>
                  撤销
                </Button>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
