import { DeleteOutlined, DownloadOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Tabs, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { templateUrl, useImportCalendarYear, type ImportResult } from '../api/import-calendar-year';

/** The holidays every State Council notice lists, in its order (全国年节及纪念日放假办法). */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

interface HolidayRow {
  name: string;
  range?: [Dayjs, Dayjs] | null;
  workdays?: Dayjs[] | null;
}

interface FormValues {
  year: number;
  source: string;
  holidays: HolidayRow[];
}

interface Problem {
  title: string;
  items: string[];
}

type Mode = 'form' | 'file' | 'paste';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The form as the year file the server checks (the same shape as the JSON file and the Excel sheet). */
function yearFileOf(values: FormValues) {
  return {
    year: values.year,
    source: values.source?.trim() ?? '',
    holidays: (values.holidays ?? []).map((h) => ({
      name: h.name?.trim() ?? '',
      from: h.range?.[0] ? day(h.range[0]) : '',
      to: h.range?.[1] ? day(h.range[1]) : '',
      workdays: (h.workdays ?? []).map(day).sort(),
    })),
  };
}

const exampleJson = (year: number) =>
  JSON.stringify(
    {
      year,
      source: `国务院办公厅关于${year}年部分节假日安排的通知`,
      holidays: [
        { name: '元旦', from: `${year}-01-01`, to: `${year}-01-01`, workdays: [] },
        { name: '春节', from: `${year}-02-05`, to: `${year}-02-11`, workdays: [`${year}-02-13`] },
      ],
    },
    null,
    2,
  );

/**
 * 导入年度安排: the State Council notice typed into a form (one row per holiday: name, days off, make-up working
 * days), or its file uploaded (.json, or the Excel template filled in), or JSON pasted. Every problem the server
 * finds is listed at once; nothing is written until the whole arrangement is right. Importing recounts the
 * deadlines of open cases, and says how many moved.
 */
export function ImportYearModal({ year: defaultYear, onClose, onImported }: { year: number; onClose: () => void; onImported: (year: number) => void }) {
  const [mode, setMode] = useState<Mode>('form');
  const [form] = Form.useForm<FormValues>();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const importYear = useImportCalendarYear();
  const { message } = App.useApp();

  const send = (input: unknown) => {
    setProblem(null);
    importYear.mutate(input, {
      onSuccess: (result: ImportResult) => {
        const moved = result.recomputed?.changed ?? 0;
        message.success(
          `${result.year}年的节假日安排已导入。${moved > 0 ? `有 ${moved} 件在办办件的办结期限已按新安排重新计算，已列入中心主任的“期限已调整”。` : '在办办件的期限已按新安排核对。'}`,
          6,
        );
        onImported(result.year);
        onClose();
      },
      onError: (error) =>
        setProblem(
          isApiError(error)
            ? { title: error.title, items: error.errors.map((e) => (e.path ? `${e.path}：${e.message}` : e.message)) }
            : { title: '导入失败，请稍后重试。', items: [] },
        ),
    });
  };

  const submit = async () => {
    if (mode === 'form') {
      const values = await form.validateFields().catch(() => null);
      if (values) send(yearFileOf(values));
      return;
    }
    if (mode === 'file') {
      if (file) send(file);
      return;
    }
    try {
      send(JSON.parse(text));
    } catch (error) {
      setProblem({ title: '内容不是有效的 JSON，请检查括号、引号和逗号。', items: error instanceof Error ? [error.message] : [] });
    }
  };

  const ready = mode === 'form' || (mode === 'file' ? file !== null : text.trim() !== '');

  const formTab = (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        year: defaultYear,
        source: `国务院办公厅关于${defaultYear}年部分节假日安排的通知`,
        holidays: HOLIDAY_NAMES.map((name) => ({ name, range: null, workdays: [] })),
      }}
      onValuesChange={(changed: Partial<FormValues>) => {
        if (changed.year) form.setFieldValue('source', `国务院办公厅关于${changed.year}年部分节假日安排的通知`);
      }}
    >
      <Space align="start" wrap style={{ width: '100%' }}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} suffix="年" />
        </Form.Item>
        <Form.Item name="source" label="依据（通知标题）" rules={[{ required: true, whitespace: true, message: '请填写所依据通知的标题' }]} style={{ minWidth: 420 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Space>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <>
            <div className="calendar-holiday-head" style={{ display: 'grid', gridTemplateColumns: '130px 1fr 1fr 32px', gap: 8, color: '#595959', marginBottom: 4 }}>
              <span>节日名称</span>
              <span>放假日期（起–止，含周末）</span>
              <span>调休上班日（可选多天）</span>
              <span />
            </div>
            {fields.map((field) => (
              <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '130px 1fr 1fr 32px', gap: 8 }} data-testid="holiday-row">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]} style={{ marginBottom: 8 }}>
                  <Input placeholder="如 春节" aria-label="节日名称" maxLength={20} />
                </Form.Item>
                <Form.Item name={[field.name, 'range']} rules={[{ required: true, message: '请选择放假起止日期' }]} style={{ marginBottom: 8 }}>
                  <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['放假开始', '放假结束']} aria-label="放假日期" />
                </Form.Item>
                <Form.Item name={[field.name, 'workdays']} style={{ marginBottom: 8 }}>
                  <DatePicker multiple style={{ width: '100%' }} placeholder="没有调休可不填" aria-label="调休上班日" maxTagCount="responsive" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label="删除该节日" onClick={() => remove(field.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', range: null, workdays: [] })} block>
              添加节日
            </Button>
          </>
        )}
      </Form.List>
    </Form>
  );

  const fileTab = (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<DownloadOutlined />} href={templateUrl()} data-testid="calendar-template">
          下载 Excel 模板
        </Button>
        <Typography.Text type="secondary">在模板中按通知填写年度、依据和每个节日的放假、调休日期，保存后上传；也可上传 JSON 文件。</Typography.Text>
      </Space>
      <Upload.Dragger
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        onRemove={() => setFile(null)}
        beforeUpload={(f) => {
          setFile(f);
          setProblem(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入年度安排文件（.xlsx 或 .json，不超过 1 MB）</p>
      </Upload.Dragger>
    </>
  );

  const pasteTab = (
    <>
      <Button size="small" style={{ marginBottom: 8 }} onClick={() => (setText(exampleJson(defaultYear)), setProblem(null))}>
        填入示例格式
      </Button>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 10, maxRows: 18 }}
        placeholder="在此粘贴年度安排（JSON）"
        aria-label="年度安排 JSON"
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
        spellCheck={false}
      />
    </>
  );

  return (
    <Modal
      open
      title="导入年度节假日安排"
      width={860}
      okText="导入"
      onOk={() => void submit()}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={importYear.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        国务院办公厅公布下一年度节假日安排后，按通知逐项填写：每个节日的放假起止日期（含周末）和调休上班日期。同一年度重复导入将覆盖原有安排；导入后在办办件的办结期限按新安排重新计算。
      </Typography.Paragraph>
      <Tabs
        activeKey={mode}
        onChange={(key) => (setMode(key as Mode), setProblem(null))}
        items={[
          { key: 'form', label: '按通知填写', children: formTab },
          { key: 'file', label: '上传文件（Excel / JSON）', children: fileTab },
          { key: 'paste', label: '粘贴 JSON', children: pasteTab },
        ]}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.title}
          data-testid="calendar-import-problem"
          description={
            problem.items.length > 0 ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {problem.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ol>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}
