import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { SPECIAL_STEP_FIELD_LABELS as S, SPECIAL_STEP_KIND_LABELS, SPECIAL_STEP_KINDS } from '../api/item-schema';

const KIND_OPTIONS = SPECIAL_STEP_KINDS.map((value) => ({ value, label: SPECIAL_STEP_KIND_LABELS[value] }));

/** 特殊环节: procedures that stop the clock, each with its own limit. */
export function SpecialStepsField() {
  return (
    <Form.List name="specialSteps">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: '无特殊环节' }}
            columns={[
              {
                title: S.name,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写环节名称' }]}>
                    <Input placeholder="如：村内公示" />
                  </Form.Item>
                ),
              },
              {
                title: S.kind,
                width: 130,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select options={KIND_OPTIONS} placeholder="选择类型" />
                  </Form.Item>
                ),
              },
              {
                title: '时限（工作日）',
                width: 130,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'limitDays']} noStyle rules={[{ required: true, message: '请填写时限' }]}>
                    <InputNumber min={1} max={365} precision={0} placeholder="天数" style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: S.countsTowardLegal,
                width: 120,
                align: 'center',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'countsTowardLegal']} valuePropName="checked" noStyle>
                    <Switch checkedChildren="计入" unCheckedChildren="不计入" />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 50,
                render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除环节" />,
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => add({ name: '', kind: 'publicity', limitDays: 7, countsTowardLegal: false })}
          >
            添加特殊环节
          </Button>
        </>
      )}
    </Form.List>
  );
}
