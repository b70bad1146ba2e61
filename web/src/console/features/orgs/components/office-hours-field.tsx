import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space, TimePicker } from 'antd';

/**
 * 办公时间 as sessions (上午 08:30—12:00, 下午 14:30—17:30). Values are dayjs pairs in the form and
 * "HH:mm" strings on the wire; the modal converts.
 */
export function OfficeHoursField() {
  return (
    <Form.Item label="办公时间" required extra="办件到期时间按最后一个工作日的下班时间计算">
      <Form.List
        name="sessions"
        rules={[{ validator: async (_, v?: unknown[]) => { if (!v || v.length === 0) throw new Error('请至少填写一个办公时段'); } }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }} align="baseline">
                <span style={{ width: 48, display: 'inline-block', color: '#595959' }}>时段 {index + 1}</span>
                <Form.Item name={field.name} noStyle rules={[{ required: true, message: '请选择起止时间' }]}>
                  <TimePicker.RangePicker format="HH:mm" minuteStep={5} placeholder={['上班时间', '下班时间']} order />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除时段" />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              添加时段
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
