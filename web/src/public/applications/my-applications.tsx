import { useEffect, useState } from 'react';
import { myApplications, type ApplicationView } from './applications-api';

/** 我的办件: the applicant's online applications, newest first, each opening its own page. */
export function MyApplications({ onOpen }: { onOpen: (id: string) => void }) {
  const [list, setList] = useState<ApplicationView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void myApplications().then((answer) => (answer.ok ? setList(answer.value.applications) : setProblem(answer.title)));
  }, []);
  if (problem) return <p className="problem">{problem}</p>;
  if (!list) return <p className="lead">正在读取…</p>;
  if (list.length === 0) return <p>还没有网上申请。在网上办事大厅找到要办的事项，点“网上申请”即可。</p>;
  return (
    <ul className="my-applications" data-testid="my-applications">
      {list.map((a) => (
        <li key={a.id}>
          <a
            href={`/account/applications/${a.id}`}
            onClick={(e) => {
              e.preventDefault();
              onOpen(a.id);
            }}
          >
            <strong>{a.itemName}</strong>
            <span className={`status-line status-${a.status}`}>{a.statusName}</span>
            <small>{a.applicationNo}</small>
          </a>
        </li>
      ))}
    </ul>
  );
}
