import { FilingApp } from '../filing/filing-app';
import { ConsultForm } from './consult-form';
import { ConsultQuery } from './consult-query';
import type { Asked } from './consult-api';
import './consult.css';

/** The public 我要咨询 page (/consult) and its query (/consult/query), in the complaint page's small bundle. */
export function ConsultApp() {
  return (
    <FilingApp<Asked>
      base="/consult"
      words={{
        label: '咨询',
        documentTitle: '网上咨询',
        formTitle: '我要咨询',
        queryTitle: '查询答复',
        lead: '办事前有不清楚的，可以在这里问。工作人员答复后会发短信告诉您，也可以凭咨询编号查询答复。',
        filedTitle: '咨询已提交',
        filedHint: '请记下咨询编号和查询码，用来查询答复（答复后也会发短信给您）：',
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
