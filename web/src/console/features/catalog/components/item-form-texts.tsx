import { Col, Form, Input, InputNumber, Row } from 'antd';
import { FEE_FIELD_LABELS as F, ITEM_FIELD_LABELS as L } from '../api/item-schema';

/** The public texts: conditions, result, fee and the notes for applicants. */
export function ItemFormConditions() {
  return (
    <Form.Item name="conditions" label={L.conditions} rules={[{ required: true, whitespace: true, message: `请填写${L.conditions}` }]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="写明什么人、在什么情况下可以申请" />
    </Form.Item>
  );
}

export function ItemFormOutcome() {
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="result" label={L.result} rules={[{ required: true, whitespace: true, message: `请填写${L.result}` }]}>
          <Input placeholder="如：《最低生活保障证》或书面告知" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={['fee', 'amount']} label={F.amount} extra="不收费填 0" rules={[{ required: true, message: '请填写收费金额，不收费填 0' }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={18}>
        <Form.Item name={['fee', 'basis']} label={F.basis} rules={[{ required: true, whitespace: true, message: '请填写收费依据；不收费的填“不收费”' }]}>
          <Input placeholder="不收费的填“不收费”；收费的写明文件名称和文号" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="publicNotes" label={L.publicNotes} extra="在办事指南中以“温馨提示”列出">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="办事群众需要特别注意的事项（可不填）" />
        </Form.Item>
      </Col>
    </Row>
  );
}
