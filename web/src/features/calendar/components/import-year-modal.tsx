import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useImportCalendarYear } from '../api/import-calendar-year';

const nextYear = new Date().getFullYear() + 1;

const EXAMPLE = JSON.stringify(
  {
    year: nextYear,
    source: `国务院办公厅关于${nextYear}年部分节假日安排的通知`,
    holidays: [
      { name: '元旦', from: `${nextYear}-01-01`, to: `${nextYear}-01-01`, workdays: [] },
      { name: '春节', from: `${nextYear}-02-05`, to: `${nextYear}-02-11`, workdays: [`${nextYear}-02-13`] },
    ],
  },
  null,
  2,
);

interface Problem {
  title: string;
  items: string[];
}

/** 导入年度安排: upload or paste the year file; every problem the server finds is listed so it can be fixed at once. */
export function ImportYearModal({ onClose, onImported }: { onClose: () => void; onImported: (year: number) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const importYear = useImportCalendarYear();
  const { message } = App.useApp();

  const submit = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setProblem({ title: '内容不是有效的 JSON，请检查括号、引号和逗号。', items: error instanceof Error ? [error.message] : [] });
      return;
    }
    setProblem(null);
    importYear.mutate(parsed, {
      onSuccess: (result) => {
        message.success(`${result.year}年的节假日安排已导入。`);
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

  return (
    <Modal
      open
      title="导入年度节假日安排"
      width={720}
      okText="导入"
      onOk={submit}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={importYear.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <p style={{ color: '#595959' }}>
        每年国务院办公厅公布下一年度节假日安排后，按通知内容填写：每个节日的放假起止日期（含周末）和调休上班日期。同一年度重复导入将覆盖原有安排。
      </p>
      <Space style={{ marginBottom: 12 }}>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((content) => {
              setText(content);
              setProblem(null);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <Button onClick={() => (setText(EXAMPLE), setProblem(null))}>填入示例格式</Button>
      </Space>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 20 }}
        placeholder="在此粘贴年度安排（JSON），或点击“选择文件”"
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
        spellCheck={false}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.title}
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
