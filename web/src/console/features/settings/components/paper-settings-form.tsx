import type { ReactNode } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { checkPublicUrl } from '@/lib/notices';
import { useUpdateSettings, type Settings } from '../api/settings';

interface Values {
  publicUrl: string;
  supervisionPhone: string;
  supplementDays: number;
}

/**
 * What every printed paper carries besides the case: the public address its QR code opens (never the address the
 * console happens to be opened at), the county's supervision phone, and the one-time notice's time to supplement.
 */
export function PaperSettingsForm({ initial }: { initial: Settings }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateSettings();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const fromEnv = initial.publicUrlSource === 'env';
  const typed = Form.useWatch('publicUrl', form) as string | undefined;
  const checked = typed ? checkPublicUrl(typed) : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ publicUrl: initial.publicUrl ?? '', supervisionPhone: initial.supervisionPhone ?? '', supplementDays: initial.supplementDays }}
      onFinish={(values) =>
        update.mutate(
          {
            ...(!fromEnv && { publicUrl: values.publicUrl.trim() || null }),
            supervisionPhone: values.supervisionPhone.trim() || null,
            supplementDays: values.supplementDays,
          },
          { onSuccess: () => message.success('设置已保存，此后打印的通知书按新设置出具。'), onError: (e) => showError(e, { form }) },
        )
      }
    >
      <Form.Item
        name="publicUrl"
        label="公网地址（群众手机能打开的地址）"
        rules={[
          {
            validator: (_rule, value: string) => {
              if (!value?.trim()) return Promise.resolve();
              const check = checkPublicUrl(value);
              return check.ok ? Promise.resolve() : Promise.reject(new Error(check.message));
            },
          },
        ]}
        extra={
          fromEnv
            ? '由服务器环境变量 PUBLIC_URL 设定，这里不能修改；如需更改，请运维人员修改服务器配置后重启。'
            : '通知书上的二维码和查询网址都用这个地址，如 https://bianmin.example.gov.cn。不要填内网地址（192.168.x.x），群众手机打不开。'
        }
      >
        <Input disabled={fromEnv} placeholder="https://bianmin.example.gov.cn" autoComplete="off" />
      </Form.Item>
      {checked?.ok && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          二维码将打开：{checked.url}/progress?caseNo=（办件编号）
        </Typography.Paragraph>
      )}
      <Form.Item
        name="supervisionPhone"
        label="监督电话"
        rules={[{ max: 30, message: '监督电话不超过 30 个字符' }]}
        extra="县级政务服务监督电话，印在每份通知书上，群众对办理过程有意见时拨打。"
      >
        <Input placeholder="如 0371-6688 1200" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="supplementDays"
        label="补正期限（工作日）"
        rules={[{ required: true, message: '请填写补正期限' }]}
        extra="一次性告知书上写明“请于某日前补齐材料”，自告知书出具次日起按工作日计算。"
      >
        <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: 180 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        保存
      </Button>
    </Form>
  );
}

/** The settings page's and the administrator's home warning: papers go out without a QR code until it is set. */
export function PublicUrlMissing({ settings, action }: { settings: Settings; action?: ReactNode }) {
  if (settings.publicUrl) return null;
  return (
    <Alert
      type={settings.production ? 'error' : 'warning'}
      showIcon
      data-testid="public-url-missing"
      title="尚未设置公网地址：通知书上不印办理进度二维码"
      description="群众扫通知书上的二维码查询办理进度，需要一个手机能打开的地址。请在“系统设置”中填写公网地址（或由运维人员设置环境变量 PUBLIC_URL）。设置前，通知书上改印“到窗口或电话查询”。"
      action={action}
      style={{ marginBottom: 16 }}
    />
  );
}
