import { FilingApp } from '../filing/filing-app';
import { ComplaintForm } from './complaint-form';
import { ComplaintQuery } from './complaint-query';
import type { PublicComplaintCreated } from './complaint-api';

/** The public complaint page (/complaint) and its query (/complaint/query). */
export function ComplaintApp() {
  return (
    <FilingApp<PublicComplaintCreated>
      base="/complaint"
      words={{
        label: '投诉',
        documentTitle: '网上投诉',
        formTitle: '我要投诉',
        queryTitle: '查询投诉',
        lead: '对便民服务中心（站、室）的服务不满意，可以在这里投诉。简单的投诉当天或下一个工作日答复，复杂的 5 个工作日内答复。',
        filedTitle: '投诉已提交',
        filedHint: '请记下投诉编号和查询码，用来查询办理情况和答复（也会发短信给您）：',
        numberLabel: '投诉编号',
        queryButton: '查询办理情况',
        footer: '您的姓名和电话只用于办理和答复您的投诉，不会公开。也可拨打便民服务中心公布的监督电话投诉。',
      }}
      numbersOf={(c) => ({ number: c.complaintNo, queryCode: c.queryCode })}
      form={(onDone) => <ComplaintForm onDone={onDone} />}
      query={(initial) => <ComplaintQuery initial={initial} />}
    />
  );
}
