import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Table } from 'antd';
import { MATERIAL_FIELD_LABELS as M } from '../api/item-schema';

const MAIN_OPTIONS = [
  { value: true, label: '主件' },
  { value: false, label: '附件' },
];
const ORIGINAL_OPTIONS = [
  { value: true, label: '原件' },
  { value: false, label: '复印件' },
];

/** 申报材料 as an editable table: name, 主件/附件, copies, 原件/复印件, 可告知承诺. */
export function MaterialsField() {
  return (
    <Form.List
      name="materials"
      rules={[{ validator: async (_, v?: unknown[]) => { if (!v || v.length === 0) throw new Error('请至少列出一项申报材料'); } }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: '尚未添加材料' }}
            columns={[
              { title: '序号', width: 56, align: 'center', render: (_, __, index) => index + 1 },
              {
                title: M.name,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写材料名称' }]}>
                    <Input placeholder="如：居民身份证" />
                  </Form.Item>
                ),
              },
              {
                title: M.main,
                width: 110,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'main']} noStyle>
                    <Select options={MAIN_OPTIONS} />
                  </Form.Item>
                ),
              },
              {
                title: M.copies,
                width: 90,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'copies']} noStyle rules={[{ required: true, message: '请填写份数' }]}>
                    <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: M.original,
                width: 120,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'original']} noStyle>
                    <Select options={ORIGINAL_OPTIONS} />
                  </Form.Item>
                ),
              },
              {
                title: M.promisable,
                width: 100,
                align: 'center',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'promisable']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`${M.promisable}：申请人可用书面承诺代替该材料`} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 50,
                render: (_, field) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除材料" />,
              },
            ]}
          />
          <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ name: '', main: true, copies: 1, original: true })}>
            添加材料
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
