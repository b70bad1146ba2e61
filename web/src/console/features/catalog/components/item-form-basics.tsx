import { AutoComplete, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useLevelNames } from '@/lib/auth';
import { LEVELS, levelLabel } from '@/lib/levels';
import { useFacets } from '../api/get-facets';
import { ITEM_CODE_PATTERN, ITEM_FIELD_LABELS as L } from '../api/item-schema';

/** Code, name, category, department, window and the levels that decide and receive the item. */
export function ItemFormBasics({ codeLocked }: { codeLocked: boolean }) {
  const names = useLevelNames();
  const facets = useFacets();
  const levelOptions = LEVELS.map((value) => ({ value, label: levelLabel(value, names) }));
  const toOptions = (list: readonly string[] | undefined) => (list ?? []).map((value) => ({ value }));

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="code"
          label={L.code}
          extra={codeLocked ? '编码发布后不能修改' : '如 MZ-001，发布后不能修改'}
          rules={[
            { required: true, whitespace: true, message: `请填写${L.code}` },
            {
              // The server's pattern; the code is saved in capitals, so mz-001 is accepted as MZ-001.
              validator: async (_, value?: string) => {
                if (value?.trim() && !ITEM_CODE_PATTERN.test(value.trim().toUpperCase())) throw new Error('编码应为字母、短横线加数字，如 MZ-003');
              },
            },
          ]}
        >
          <Input disabled={codeLocked} placeholder="如 MZ-001" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={L.name} rules={[{ required: true, whitespace: true, message: `请填写${L.name}` }]}>
          <Input placeholder="如：最低生活保障申请" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="aliases"
          label={L.aliases}
          extra="群众平常的叫法，如 低保、五保、准生证；输入一个按回车，可填多个。按俗称、俗称的拼音或首字母都能查到本事项。"
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={['、', '，', ',', '；', ';']}
            placeholder="如：低保、低保户"
            aria-label={L.aliases}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="category" label={L.category} rules={[{ required: true, whitespace: true, message: `请填写${L.category}` }]}>
          <AutoComplete options={toOptions(facets.data?.categories)} placeholder="如：社会救助" filterOption />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="department" label={L.department} rules={[{ required: true, whitespace: true, message: `请填写${L.department}` }]}>
          <AutoComplete options={toOptions(facets.data?.departments)} placeholder="如：县民政局" filterOption />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="window" label={L.window} rules={[{ required: true, whitespace: true, message: `请填写${L.window}` }]}>
          <Input placeholder="如：民政窗口" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="level" label={L.level} rules={[{ required: true, message: `请选择${L.level}` }]}>
          <Select options={levelOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="acceptLevels" label={L.acceptLevels} rules={[{ required: true, type: 'array', min: 1, message: `请至少选择一个${L.acceptLevels}` }]}>
          <Checkbox.Group options={levelOptions} />
        </Form.Item>
      </Col>
    </Row>
  );
}
