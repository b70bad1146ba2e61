import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { isApiError, type ApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { checkPhone } from '@domain/people/applicant';
import { parseCreditCode } from '@domain/people/credit-code';
import { parseIdNumber } from '@domain/people/id-number';
import { CHANNEL_NAMES } from '@domain/vocabulary/channels';
import type { Level } from '@/lib/levels';
import { useCreateCase, type CreateCaseInput } from '../api/create-case';
import { useItemSearch, useOfferedCodes, type OfferedItem } from '../api/get-offered-items';
import { useMaterialsOnFile } from '../api/materials-on-file';
import { materialsOf, previewIntake, proxyOf, type MaterialMark, type Proxy } from '../utils/intake-preview';
import { IntakeDecisionCard } from './intake-decision';
import { centerNow } from '@/lib/format';

interface Values {
  applicantKind: 'person' | 'organization';
  name: string;
  idNumber: string;
  phone: string;
  address?: string;
  channel: 'window' | 'kiosk' | 'agent';
  proxy: Proxy;
  reasons?: string;
  basis?: string;
}

const newKey = newIdempotencyKey;

/** Today on the center's clock: only to refuse a birth date in the future, as the server does. */
const today = () => centerNow().format('YYYY-MM-DD');

/**
 * The server's own checks (src/domain/people), run in the browser so every wrong field shows at the first 保存登记,
 * not one per round trip. An empty field is left to its `required` rule.
 */
const checked = (check: (text: string) => { ok: true } | { ok: false; error: string }) => ({
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const r = check(value);
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.error));
  },
});
const phoneRule = checked(checkPhone);
const numberRule = (kind: Values['applicantKind']) => checked((v) => (kind === 'person' ? parseIdNumber(v, today()) : parseCreditCode(v)));

/** 受理登记: item by name, code or pinyin initials; checklist from the guide; the kind shown before saving. */
export function IntakeForm() {
  const me = useMe();
  const navigate = useNavigate();
  // 叫号 → 开始办理 opens this form with ?ticket=<id>: the case is registered linked to that number
  const ticketId = (useSearch({ strict: false }) as { ticket?: string }).ticket;
  const level = (me.user.orgLevel ?? 'township') as Level;
  const channels = level === 'village' ? (['agent'] as const) : (['window', 'kiosk'] as const);

  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const offered = useOfferedCodes(me.user.orgId);
  const found = useItemSearch(q);
  const [item, setItem] = useState<OfferedItem | null>(null);
  const [marks, setMarks] = useState<Record<string, MaterialMark>>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  // One key per submission: a retry of the same registration (double click, lost answer) reuses it.
  const idempotencyKey = useRef(newKey());
  const create = useCreateCase();

  const channel = Form.useWatch('channel', form) ?? channels[0];
  const proxy = Form.useWatch('proxy', form) ?? 'none';
  const applicantKind = Form.useWatch('applicantKind', form) ?? 'person';

  // 材料复用: what this applicant already has on file is not asked for again (counted as provided)
  const typedName = useDebouncedValue((Form.useWatch('name', form) ?? '').trim(), 400);
  const typedNumber = useDebouncedValue((Form.useWatch('idNumber', form) ?? '').trim().toUpperCase(), 400);
  const onFile = useMaterialsOnFile(item ? { itemCode: item.code, kind: applicantKind, number: typedNumber, name: typedName } : null).data;
  const marksNow = useMemo(() => {
    const kept = Object.fromEntries(item?.materials.filter((m) => onFile?.has(m.name)).map((m) => [m.name, 'provided' as const]) ?? []);
    return { ...marks, ...kept };
  }, [marks, onFile, item]);

  const offeredSet = useMemo(() => new Set(offered.data ?? []), [offered.data]);
  // Results of an earlier text must not be picked by Enter while the current text is still being searched.
  const searching = found.isPlaceholderData || found.isPending || q !== search.trim();
  const options = (searching ? [] : (found.data ?? []))
    .filter((i) => offeredSet.has(i.code) && i.status === 'active')
    .map((i) => ({ value: i.code, item: i, label: `${i.code} ${i.name}` }));

  if (item && !options.some((o) => o.value === item.code)) options.unshift({ value: item.code, item, label: `${item.code} ${item.name}` });

  const decision = item ? previewIntake({ item, level, channel, marks: marksNow, proxy }) : null;
  const mustReturn = decision?.ok === true && decision.outcome === 'return';

  const pick = (code: string) => {
    const chosen = options.find((o) => o.value === code)?.item ?? null;
    setItem(chosen);
    setSearch('');
    setMarks({});
    setServerError(null);
    // The checklist starts all provided: the clerk goes straight on to the applicant, once the select has closed. Only
    // if the focus is still where the pick left it: a clerk (or an ID card reader) already typing in a field keeps it,
    // instead of the rest of a phone number landing in the name.
    const picked = document.activeElement;
    setTimeout(() => {
      if (document.activeElement === picked) (form.getFieldInstance('name') as HTMLInputElement | undefined)?.focus();
    }, 60);
  };
  const mark = (name: string, value: MaterialMark) => setMarks((m) => ({ ...m, [name]: value }));

  const submit = (values: Values) => {
    if (!item) return;
    setServerError(null);
    const body: CreateCaseInput = {
      itemCode: item.code,
      applicant: {
        kind: values.applicantKind,
        name: values.name,
        idNumber: values.idNumber,
        phone: values.phone,
        address: values.address || undefined,
      },
      channel: values.channel,
      materials: materialsOf(item, marksNow),
      proxy: proxyOf(values.proxy),
      refusal: mustReturn ? { reasons: values.reasons, basis: values.basis } : undefined,
      ticketId,
    };
    create.mutate(
      { body, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (c) => {
          idempotencyKey.current = newKey();
          void navigate({ to: '/cases/$id', params: { id: c.id } });
        },
        onError: (error) => {
          if (!isApiError(error)) return setServerError(null);
          setServerError(error);
          const fields = error.errors.filter((e) => e.path.startsWith('applicant.'));
          if (fields.length > 0) form.setFields(fields.map((e) => ({ name: e.path.replace('applicant.', '') as keyof Values, errors: [e.message] })));
          if (error.code === 'ID_NUMBER_INVALID') form.setFields([{ name: 'idNumber', errors: [error.title] }]);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ applicantKind: 'person', channel: channels[0], proxy: 'none' }}
      onValuesChange={() => setServerError(null)}
    >
      {ticketId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="intake-ticket"
          title="本次受理关联正在办理的排队号"
          description={<>登记后办件与排队号关联，等候和办理时间计入统计；办理完毕请回到 <a href="/staff/hall/queue">叫号</a> 页点“办结”。</>}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card title="办理事项和申报材料" style={{ marginBottom: 16 }}>
            <Form.Item label="办理事项" required>
              <Select
                autoFocus
                showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
                value={item?.code}
                onChange={pick}
                placeholder="输入事项名称、俗称、编码或拼音首字母，如 低保、dbsq"
                options={options}
                // the chosen item shows as code and name; the list shows more, wrapped rather than cut off
                optionRender={(option) => <ItemOption item={option.data.item} />}
                loading={offered.isLoading || found.isFetching}
                notFoundContent={offered.isLoading || searching ? '正在查找…' : '本中心可办事项中没有找到，请换个关键词'}
                defaultActiveFirstOption
                aria-label="办理事项"
                size="large"
              />
            </Form.Item>
            {item ? (
              <>
                <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                  {item.department} · {item.window} · {item.kind === 'immediate' ? '即办事项' : `承诺办结时限 ${item.promisedDays} 个工作日`}
                  {item.joint.length > 0 && ` · 联办部门：${item.joint.join('、')}`}
                  {item.inPersonRequired && ' · 须本人到场'}
                </Typography.Paragraph>
                <Typography.Text strong>申报材料核对（按办事指南，已默认全部提供，缺少的请取消勾选）</Typography.Text>
                {item.materials.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="办事指南未列申报材料" />
                ) : (
                  <div className="intake-materials" style={{ marginTop: 8 }}>
                    {onFile && onFile.size > 0 && (
                      <Alert
                        type="success"
                        showIcon
                        style={{ marginBottom: 8 }}
                        data-testid="materials-on-file"
                        title={`该申请人已有 ${onFile.size} 项材料存档，本次免交：${[...onFile.keys()].join('、')}`}
                        description="材料复用：此前在窗口核验过或办结时出具的材料，在有效期内不必再交，也不必再复印。"
                      />
                    )}
                    {item.materials.map((m) => {
                      const kept = onFile?.get(m.name);
                      const value = marksNow[m.name] ?? 'provided';
                      return (
                        <div
                          key={m.name}
                          style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}
                        >
                          <Checkbox checked={value === 'provided'} disabled={value === 'na' || !!kept} onChange={(e) => mark(m.name, e.target.checked ? 'provided' : 'missing')}>
                            {kept ? '已存档' : '已提供'}
                          </Checkbox>
                          <Tag color={m.main ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                            {m.main ? '主件' : '附件'}
                          </Tag>
                          <span style={{ flex: 1, color: value === 'na' ? '#bfbfbf' : value === 'missing' ? '#cf1322' : undefined }}>
                            {m.name}
                            {value === 'missing' && '（缺）'}
                            {kept && (
                              <Typography.Text type="success" style={{ marginInlineStart: 8 }}>
                                {kept.levelName}，{kept.validUntil ? `有效至 ${kept.validUntil}` : '长期有效'}
                              </Typography.Text>
                            )}
                          </span>
                          {!m.main && !kept && (
                            <Checkbox checked={value === 'na'} onChange={(e) => mark(m.name, e.target.checked ? 'na' : 'provided')}>
                              <Typography.Text type="secondary">不适用</Typography.Text>
                            </Checkbox>
                          )}
                        </div>
                      );
                    })}
                  </div>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">可用键盘操作：输入关键词后按回车选中，再按 Tab 依次填写申请人信息。</Typography.Text>
            )}
          </Card>
          <Card title="办件类型和办理方式" style={{ marginBottom: 16 }}>
            <IntakeDecisionCard decision={decision} />
            {mustReturn && (
              <div style={{ marginTop: 16 }}>
                <Form.Item name="reasons" label="退回理由" rules={[{ required: true, whitespace: true, message: '退回必须写明理由（书面告知）' }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder="如：缺少主件“临时救助申请书”，不能受理" />
                </Form.Item>
                <Form.Item name="basis" label="退回依据" rules={[{ required: true, whitespace: true, message: '退回必须写明依据' }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder="如：《社会救助暂行办法》第四十七条；本事项办事指南“申报材料”" />
                </Form.Item>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card title="申请人" style={{ marginBottom: 16 }}>
            <Form.Item name="applicantKind" style={{ marginBottom: 12 }}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'person', label: '个人' },
                  { value: 'organization', label: '单位' },
                ]}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="name" label={applicantKind === 'person' ? '姓名' : '单位名称'} rules={[{ required: true, whitespace: true, message: applicantKind === 'person' ? '请填写申请人姓名' : '请填写单位名称' }]}>
                  <Input maxLength={60} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, phoneRule]}>
                  <Input maxLength={20} inputMode="tel" autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="idNumber"
              label={applicantKind === 'person' ? '居民身份证号码' : '统一社会信用代码'}
              rules={[{ required: true, whitespace: true, message: applicantKind === 'person' ? '请填写身份证号码' : '请填写统一社会信用代码' }, numberRule(applicantKind)]}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item name="address" label="地址">
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name="channel" label="收件渠道">
                  <Radio.Group optionType="button" options={channels.map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="proxy" label="办理方式">
                  <Select
                    options={[
                      { value: 'none', label: '申请人本人办理' },
                      { value: 'authorized', label: '代办（已签代理服务委托书）' },
                      { value: 'unauthorized', label: '代办（没有委托书）' },
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
            {serverError && (
              <Alert
                style={{ marginTop: 16 }}
                type="error"
                showIcon
                role="alert"
                title={serverError.title}
                description={
                  serverError.code === 'CALENDAR_YEAR_NOT_LOADED'
                    ? '本件尚未保存。导入该年度安排后，再点“保存登记”即可。'
                    : serverError.errors.length > 0
                      ? serverError.errors.map((e) => e.message).join('；')
                      : serverError.detail
                }
              />
            )}
            <Space style={{ marginTop: 16 }}>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                icon={<SaveOutlined />}
                loading={create.isPending}
                disabled={!item || decision?.ok === false}
                danger={mustReturn}
              >
                {mustReturn ? '登记并退回' : decision?.ok && decision.outcome === 'supplement' ? '保存登记并一次性告知' : '保存登记'}
              </Button>
              <Typography.Text type="secondary">保存后进入办件详情，可打印通知书</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}

/** One option of the item list: code, name, 俗称 and time limit, so whoever typed 低保 sees why 城乡居民最低生活保障 came up. */
function ItemOption({ item }: { item: OfferedItem }) {
  return (
    <span style={{ whiteSpace: 'normal' }}>
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginInlineEnd: 8 }}>
        {item.code}
      </Typography.Text>
      {item.name}
      {item.aliases.length > 0 && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} data-testid="item-aliases">
          俗称：{item.aliases.join('、')}
        </Typography.Text>
      )}
      <Tag style={{ marginInlineStart: 8 }} color={item.kind === 'immediate' ? 'green' : 'blue'}>
        {item.kind === 'immediate' ? '即办' : `承诺 ${item.promisedDays} 个工作日`}
      </Tag>
    </span>
  );
}
