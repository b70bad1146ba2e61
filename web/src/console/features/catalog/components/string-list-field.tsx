import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';

interface Props {
  name: string;
  label: string;
  addText: string;
  placeholder: string;
  numbered?: boolean;
  required?: boolean;
}

/** An editable, ordered list of lines (设定依据, 办理程序). */
export function StringListField({ name, label, addText, placeholder, numbered, required }: Props) {
  return (
    <Form.Item label={label} required={required}>
      <Form.List
        name={name}
        rules={required ? [{ validator: async (_, v?: string[]) => { if (!v || v.length === 0) throw new Error(`请至少填写一条${label}`); } }] : undefined}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                {numbered && <Button disabled style={{ width: 44, color: '#595959' }}>{index + 1}</Button>}
                <Form.Item name={field.name} noStyle rules={[{ required: true, whitespace: true, message: `请填写或删除第 ${index + 1} 条` }]}>
                  <Input placeholder={placeholder} />
                </Form.Item>
                <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="上移" />
                <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label="下移" />
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
              </Space.Compact>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {addText}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
