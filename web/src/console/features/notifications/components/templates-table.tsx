import { Table, Tag, Typography } from 'antd';
import type { TemplateView } from '../api/outbox';

const AUDIENCE = { applicant: '群众', staff: '工作人员' } as const;
const CHANNELS = { sms: '短信', inbox: '站内消息' } as const;

/** The message templates, read-only: what each says, when it is sent, and the SMS platform's template code. */
export function TemplatesTable({ templates, loading }: { templates: TemplateView[]; loading: boolean }) {
  return (
    <Table<TemplateView>
      rowKey="code"
      size="middle"
      loading={loading}
      dataSource={templates}
      pagination={false}
      columns={[
        { title: '模板', dataIndex: 'name', width: 130, render: (name: string, t) => <><Typography.Text strong>{name}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.code}</Typography.Text></> },
        { title: '发给', dataIndex: 'audience', width: 84, render: (a: TemplateView['audience']) => AUDIENCE[a] },
        { title: '渠道', dataIndex: 'channels', width: 150, render: (cs: TemplateView['channels']) => cs.map((c) => <Tag key={c} variant="filled">{CHANNELS[c]}</Tag>) },
        {
          title: '内容（{ } 内为发送时填入的内容）',
          dataIndex: 'text',
          render: (text: string, t) => (
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{text}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                何时发送：{t.when}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '短信平台模板编号',
          key: 'provider',
          width: 230,
          render: (_: unknown, t) =>
            t.channels.includes('sms') ? (
              <>
                {t.providerCode ? <Tag color="green">{t.providerCode}</Tag> : <Tag color="gold">未配置</Tag>}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: t.providerSetting, tooltips: ['复制设置名', '已复制'] }}>
                  {t.providerSetting}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">不发短信</Typography.Text>
            ),
        },
      ]}
    />
  );
}
