import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { centerInstant, centerNow, formatDateTime } from '@/lib/format';
import { newIdempotencyKey } from '@shared/idempotency-key';
import {
  GROUP_THRESHOLD,
  MAX_REPRESENTATIVES,
  PETITION_CHANNEL_NAMES,
  PETITION_CHANNELS,
  PETITION_HANDLING_NAMES,
  PETITION_HANDLINGS,
  type PetitionChannel,
  type PetitionHandling,
  type PetitionSex,
  type PetitionUrgency,
} from '@domain/petitions/petitions';
import { useEarlierVisits, useRegisterPetition } from '../api/petitions';

interface Values {
  receivedAt: Dayjs;
  channel: PetitionChannel;
  name: string;
  sex?: PetitionSex;
  age?: number;
  occupation?: string;
  address?: string;
  phone?: string;
  idNumber?: string;
  issue: string;
  persons: number;
  representatives?: { name: string; phone?: string; idNumber?: string }[];
  urgency: PetitionUrgency;
  handling: PetitionHandling;
  result?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * 信访登记 with the ledger's fields. As soon as an ID number (18 characters) or a phone (7 digits or more) is typed,
 * the same person's earlier visits are looked up and shown beside the form. Five people or more make a group
 * petition: its representatives (at most five) are asked for, and the leader and director are told at once.
 */
export function PetitionForm() {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const register = useRegisterPetition();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const persons = Form.useWatch('persons', form) ?? 1;
  const handling = Form.useWatch('handling', form);
  const idNumber = useDebouncedValue((Form.useWatch('idNumber', form) ?? '').trim(), 300);
  const phone = useDebouncedValue((Form.useWatch('phone', form) ?? '').replace(/\D/g, ''), 300);
  const earlier = useEarlierVisits({ idNumber: idNumber.length === 18 ? idNumber : undefined, phone: phone.length >= 7 ? phone : undefined });
  const group = persons >= GROUP_THRESHOLD;

  const submit = (v: Values) =>
    register.mutate(
      {
        idempotencyKey: key,
        body: {
          receivedAt: centerInstant(v.receivedAt.startOf('hour')),
          channel: v.channel,
          name: v.name,
          sex: v.sex,
          age: v.age ?? undefined,
          occupation: blank(v.occupation),
          address: blank(v.address),
          phone: blank(v.phone),
          idNumber: blank(v.idNumber),
          issue: v.issue,
          persons: v.persons,
          representatives: group ? (v.representatives ?? []).map((r) => ({ name: r.name, phone: blank(r.phone), idNumber: blank(r.idNumber) })) : undefined,
          urgency: v.urgency,
          handling: v.handling,
          result: v.handling === 'solved' ? v.result : undefined,
        },
      },
      {
        onSuccess: (p) => {
          message.success(p.group || p.urgency === 'urgent' ? `已登记${p.petitionNo}，已报告带班领导和中心主任。` : `已登记${p.petitionNo}。`);
          setKey(newIdempotencyKey());
          void navigate({ to: '/petitions/$id', params: { id: p.id } });
        },
        onError: (e) => showError(e, { form }),
      },
    );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ receivedAt: centerNow().startOf('hour'), channel: 'visit', persons: 1, urgency: 'normal', handling: 'reply', representatives: [] }}
            data-testid="petition-form"
          >
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="receivedAt" label="来访时间（到小时）" rules={[{ required: true, message: '请选择来访时间' }]}>
                  <DatePicker showTime={{ format: 'HH时' }} format="YYYY-MM-DD HH时" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(centerNow(), 'day')} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channel" label="信访方式">
                  <Select options={PETITION_CHANNELS.map((c) => ({ value: c, label: PETITION_CHANNEL_NAMES[c] }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="urgency" label="紧急程度">
                  <Radio.Group optionType="button" options={[{ value: 'normal', label: '一般' }, { value: 'urgent', label: '紧急' }]} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写信访人姓名' }]}>
                  <Input maxLength={60} data-testid="petition-name" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name="sex" label="性别">
                  <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="age" label="年龄">
                  <InputNumber min={0} max={130} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name="occupation" label="职业">
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="idNumber" label="身份证号码" extra="填写后自动查找此人以前的来访">
                  <Input maxLength={18} data-testid="petition-id-number" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="phone" label="联系电话">
                  <Input maxLength={30} data-testid="petition-phone" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="address" label="住址或工作单位">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="issue" label="反映的问题" rules={[{ required: true, whitespace: true, message: '请填写信访人反映的问题和诉求' }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="petition-issue" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="persons" label="人数" extra={`${GROUP_THRESHOLD} 人及以上为集体访`}>
                  <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="petition-persons" />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="handling" label="处理方式">
                  <Radio.Group options={PETITION_HANDLINGS.map((h) => ({ value: h, label: PETITION_HANDLING_NAMES[h] }))} />
                </Form.Item>
              </Col>
            </Row>
            {group && (
              <Card size="small" title={`集体访代表（不超过 ${MAX_REPRESENTATIVES} 人）`} style={{ marginBottom: 16 }} data-testid="representatives">
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="集体访登记后立即通知带班领导和中心主任（站内消息和短信）。" />
                <Form.List name="representatives">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, i) => (
                        <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                          <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写代表姓名' }]}>
                            <Input placeholder={`代表 ${i + 1} 姓名`} data-testid={`rep-name-${i}`} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'phone']}>
                            <Input placeholder="电话" />
                          </Form.Item>
                          <Form.Item name={[f.name, 'idNumber']}>
                            <Input placeholder="身份证号码" maxLength={18} />
                          </Form.Item>
                          <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除代表" />
                        </Space>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} disabled={fields.length >= MAX_REPRESENTATIVES} data-testid="add-rep">
                        添加代表
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            )}
            {handling === 'solved' && (
              <Form.Item name="result" label="当场解决的情况" rules={[{ required: true, whitespace: true, message: '请写明当场解决的情况' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="petition-submit">
              登记
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title="既往来访" data-testid="earlier-visits">
          {earlier.isError ? (
            <Alert type="error" showIcon title={earlier.error.message} />
          ) : !earlier.data ? (
            <Typography.Text type="secondary">填写身份证号码或电话后，这里显示此人以前的来访。</Typography.Text>
          ) : earlier.data.visits.length === 0 ? (
            <Typography.Text type="secondary">没有找到此人以前的来访。</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={earlier.data.visits}
              header={<Alert type="warning" showIcon title={`此人此前来访 ${earlier.data.visits.length} 次`} />}
              renderItem={(v) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Link to="/petitions/$id" params={{ id: v.id }} target="_blank">
                      {v.petitionNo}
                    </Link>
                    <Typography.Text type="secondary">
                      {formatDateTime(v.receivedAt)}（按{v.matchedBy === 'idNumber' ? '身份证号码' : '电话'}找到）
                    </Typography.Text>
                    <span>{v.issue}</span>
                    <Tag>{v.statusName}</Tag>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
