import { Alert, DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { ProvisionalTag, PROVISIONAL_REASON, WORKED_OUT_OUTCOME } from '@/components/calendar/provisional-tag';
import { isApiError } from '@/lib/api-client';
import { useAddWorkingDays } from '../api/add-working-days';
import { centerNow } from '@/lib/format';

/** 计算器: accepted on a day + N working days → the due date (the day of acceptance is not counted). */
export function DueDateCalculator() {
  const [from, setFrom] = useState<Dayjs | null>(centerNow());
  const [days, setDays] = useState<number | null>(5);
  const debouncedDays = useDebouncedValue(days, 300);
  const result = useAddWorkingDays(from ? from.format('YYYY-MM-DD') : null, debouncedDays);

  return (
    <Form layout="vertical">
      <Form.Item label="受理日期" style={{ marginBottom: 12 }}>
        <DatePicker value={from} onChange={setFrom} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="办理时限（工作日）" style={{ marginBottom: 12 }}>
        <InputNumber value={days} onChange={setDays} min={0} max={366} precision={0} style={{ width: '100%' }} suffix="个工作日" />
      </Form.Item>
      {result.isError ? (
        <Alert type="error" showIcon title={isApiError(result.error) ? result.error.title : '计算失败，请稍后重试。'} />
      ) : result.data ? (
        <Alert
          type="success"
          title={
            <span data-testid="calculated-due">
              应于 <Typography.Text strong>{dayjs(result.data.date).format('YYYY年M月D日 dddd')}</Typography.Text>
              <ProvisionalTag show={result.data.provisional} outcome={WORKED_OUT_OUTCOME} /> 办结
            </span>
          }
          description={
            <>
              受理当天不计入，自次日起按工作日计算，节假日顺延。
              {/* said in full, not only in the tag's tooltip: this is the date a clerk tells the applicant */}
              {result.data.provisional && <div>{`标注“暂定”的日期：${PROVISIONAL_REASON}，${WORKED_OUT_OUTCOME}`}</div>}
            </>
          }
        />
      ) : (
        <Typography.Text type="secondary">{result.isFetching ? '正在计算…' : '请填写受理日期和时限'}</Typography.Text>
      )}
    </Form>
  );
}
