import { consultWords } from '@domain/notifications/sms-status';
import { FilingApp } from '../filing/filing-app';
import { useSmsStatus } from '../sms-status';
import { ConsultForm } from './consult-form';
import { ConsultQuery } from './consult-query';
import type { Asked } from './consult-api';
import './consult.css';

/** The public 我要咨询 page (/consult) and its query (/consult/query), in the complaint page's small bundle. */
export function ConsultApp() {
  // "答复后会发短信" only where the answer's SMS really goes out
  const words = consultWords(useSmsStatus());
  return (
    <FilingApp<Asked>
      base="/consult"
      words={{
        label: '咨询',
        documentTitle: '网上咨询',
        formTitle: '我要咨询',
        queryTitle: '查询答复',
        lead: words.lead,
        filedTitle: '咨询已提交',
        filedHint: words.filedHint,
        numberLabel: '咨询编号',
        queryButton: '查询答复',
        footer: '您的姓名和电话只用于答复您的咨询，不会公开。急事也可以拨打便民服务中心的电话咨询。',
      }}
      numbersOf={(a) => ({ number: a.consultationNo, queryCode: a.queryCode })}
      form={(onDone) => <ConsultForm onDone={onDone} />}
      query={(initial) => <ConsultQuery initial={initial} />}
    />
  );
}
