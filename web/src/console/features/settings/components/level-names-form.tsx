import { App, Button, Col, Descriptions, Form, Input, Row, Space } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { centerKind, DEFAULT_LEVEL_NAMES, LEVELS, levelLabel, type LevelNames } from '@/lib/levels';
import { useUpdateLevelNames } from '../api/level-names';

const PRESETS: { label: string; names: LevelNames }[] = [
  { label: '县 / 乡镇 / 村', names: DEFAULT_LEVEL_NAMES },
  { label: '旗 / 苏木 / 嘎查', names: { county: '旗', township: '苏木', village: '嘎查' } },
  { label: '区 / 街道 / 社区', names: { county: '区', township: '街道', village: '社区' } },
];

const nameRules = (label: string) => [
  // the server's words (nameText in src/domain/text.ts), which also refuses invisible characters
  { required: true, whitespace: true, message: `请填写${label}名称` },
  { max: 10, message: `${label}名称不能超过 10 个字` },
];

/** The names of the three tiers as this region uses them; every screen and printed notice follows them. */
export function LevelNamesForm({ initial }: { initial: LevelNames }) {
  const [form] = Form.useForm<LevelNames>();
  const update = useUpdateLevelNames();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const watched = Form.useWatch([], form) as Partial<LevelNames> | undefined;
  const preview: LevelNames = {
    county: watched?.county?.trim() || initial.county,
    township: watched?.township?.trim() || initial.township,
    village: watched?.village?.trim() || initial.village,
  };

  return (
    <Row gutter={32}>
      <Col xs={24} md={12}>
        <Form<LevelNames>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(values) =>
            update.mutate(
              { county: values.county.trim(), township: values.township.trim(), village: values.village.trim() },
              { onSuccess: () => message.success('层级名称已保存，各页面已按新名称显示。'), onError: (e) => showError(e, { form }) },
            )
          }
        >
          <Form.Item label="常用方案" style={{ marginBottom: 16 }}>
            <Space wrap>
              {PRESETS.map((p) => (
                <Button key={p.label} size="small" onClick={() => form.setFieldsValue(p.names)}>
                  {p.label}
                </Button>
              ))}
            </Space>
          </Form.Item>
          <Form.Item name="county" label="县级名称" rules={nameRules('县级')} extra="如：县、旗、区、市">
            <Input />
          </Form.Item>
          <Form.Item name="township" label="乡镇级名称" rules={nameRules('乡镇级')} extra="如：乡镇、苏木、街道">
            <Input />
          </Form.Item>
          <Form.Item name="village" label="村级名称" rules={nameRules('村级')} extra="如：村、嘎查、社区">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
        </Form>
      </Col>
      <Col xs={24} md={12}>
        <Descriptions
          title="显示效果预览"
          bordered
          column={1}
          size="small"
          items={LEVELS.map((level) => ({
            key: level,
            label: levelLabel(level, preview),
            children: centerKind(level, preview),
          }))}
        />
      </Col>
    </Row>
  );
}
