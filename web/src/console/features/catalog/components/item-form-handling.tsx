import { Col, Form, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { ITEM_FIELD_LABELS as L, ITEM_KIND_LABELS, ITEM_KINDS } from '../api/item-schema';
import type { ItemFormValues } from '../utils/item-form-values';

const KIND_OPTIONS = ITEM_KINDS.map((value) => ({ value, label: ITEM_KIND_LABELS[value] }));

/** How the item is handled: 即办/承诺, time limits, joint departments, presence, proxy and online. */
export function ItemFormHandling() {
  const form = Form.useFormInstance<ItemFormValues>();
  const kind = Form.useWatch('kind', form);
  const inPerson = Form.useWatch('inPersonRequired', form);

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="kind" label={L.kind} rules={[{ required: true, message: `请选择${L.kind}` }]}>
          <Radio.Group optionType="button" options={KIND_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="legalDays" label={L.legalDays} extra="法律法规未规定的留空">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="未规定" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="promisedDays" label={L.promisedDays}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} disabled={kind === 'immediate'} placeholder={kind === 'immediate' ? '即办' : ''} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="joint" label={L.joint} extra="需多个部门并联审查的，列出参与联办的部门；输入后按回车添加">
          <Select mode="tags" placeholder="无联办部门" tokenSeparators={['、', '，', ',']} open={false} />
        </Form.Item>
      </Col>
      <Col xs={8}>
        <Form.Item name="inPersonRequired" label={L.inPersonRequired} valuePropName="checked" extra="如婚姻登记，不可代办">
          <Switch checkedChildren="是" unCheckedChildren="否" onChange={(on) => on && form.setFieldValue('proxyAllowed', false)} />
        </Form.Item>
      </Col>
      <Col xs={8}>
        <Form.Item name="proxyAllowed" label={L.proxyAllowed} valuePropName="checked" extra="可由村级代办员代为申请">
          <Switch checkedChildren="是" unCheckedChildren="否" disabled={inPerson} />
        </Form.Item>
      </Col>
      <Col xs={8}>
        <Form.Item name="onlineAllowed" label={L.onlineAllowed} valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
    </Row>
  );
}
