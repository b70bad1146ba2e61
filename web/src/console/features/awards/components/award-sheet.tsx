import { atCenter } from '@/lib/format';
import type { QuarterlyAward, TierList, TopEntry, YearlyAward } from '../api/awards';
import { flagRule, modelRule, tierRule } from './rule-notes';
import { missingText, monthLabel, NOTE_TEXT, quarterTitle, score, TIER_NAMES } from './text';
import '@shared/a4-sheet.css';
import './award-sheet.css';

export type AwardPaper = { kind: 'quarterly'; data: QuarterlyAward } | { kind: 'yearly'; data: YearlyAward } | { kind: 'tiers'; data: TierList };

const titleOf = (p: AwardPaper) =>
  p.kind === 'quarterly' ? `${quarterTitle(p.data.quarter)}优质服务窗口（流动红旗）名单` : p.kind === 'yearly' ? `${p.data.year}年度优质服务标兵名单` : `${p.data.year}年度工作人员考核档次名单`;

const ranksText = (e: TopEntry) => e.ranks.map((r) => (r.rank === null ? '—' : String(r.rank))).join('、');

/**
 * One award list on A4, headed by the center's name: the title, the period, the rule it was decided by, a plain
 * warning when months are not all closed (the list is then provisional), the names, and lines for the maker and
 * the approver.
 */
export function AwardSheet({ p, maker }: { p: AwardPaper; maker: string }) {
  const d = p.data;
  const period = `${monthLabel(d.months[0]!, true)}至${monthLabel(d.months[d.months.length - 1]!, true)}`;
  const showCenter = d.scope.centers.length > 1;
  const rule = p.kind === 'quarterly' ? flagRule(d.settings, p.data.required) : p.kind === 'yearly' ? modelRule(d.settings) : tierRule(d.settings);
  return (
    <article className="a4-sheet award-sheet" data-testid="award-sheet" data-kind={p.kind}>
      <header className="award-sheet-head">
        <div className="award-sheet-issuer" data-testid="award-sheet-issuer">
          {d.scope.centerName}
        </div>
        <h1 className="award-sheet-title">{titleOf(p)}</h1>
        <div className="award-sheet-meta">
          <span>考核期间：{period}</span>
          <span>范围：{showCenter ? `${d.scope.centerName}及下级 ${d.scope.centers.length} 个中心` : d.scope.centerName}</span>
        </div>
      </header>
      <p className="award-sheet-rule">评定依据：{rule}</p>
      {!d.complete && (
        <div className="award-sheet-warning" data-testid="award-sheet-warning">
          临时名单，不作正式公布：{missingText(d.missing)}，待全部关账后重新打印。
        </div>
      )}

      {p.kind !== 'tiers' ? (
        <TopList entries={(p.data.entries as TopEntry[]).filter((e) => e.status === 'awarded')} subject={p.kind === 'quarterly' ? '窗口' : '姓名'} showCenter={showCenter} months={d.months} />
      ) : (
        <TierLists list={p.data} showCenter={showCenter} />
      )}

      <div className="award-sheet-signs">
        <div>
          制表人：{maker}
          <br />
          制表日期：{atCenter(d.generatedAt).format('YYYY年M月D日')}
        </div>
        <div>
          审核人（签字）：<span className="award-sheet-blank" />
          <br />
          {d.scope.centerName}（盖章）
        </div>
      </div>
    </article>
  );
}

function TopList({ entries, subject, showCenter, months }: { entries: TopEntry[]; subject: string; showCenter: boolean; months: string[] }) {
  if (!entries.length) return <div className="award-sheet-empty">本期没有符合条件的{subject === '窗口' ? '窗口' : '人员'}。</div>;
  return (
    <table className="award-sheet-table" data-testid="award-sheet-list">
      <thead>
        <tr>
          <th style={{ width: '16mm' }}>序号</th>
          <th>{subject}</th>
          {showCenter && <th>所属中心</th>}
          <th>各月名次（{monthLabel(months[0]!)}至{monthLabel(months[months.length - 1]!)}）</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={e.subjectId}>
            <td>{i + 1}</td>
            <td>{e.name}</td>
            {showCenter && <td>{e.orgName}</td>}
            <td>{ranksText(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TierLists({ list, showCenter }: { list: TierList; showCenter: boolean }) {
  const out = list.entries.filter((e) => e.tier === null);
  return (
    <>
      {([1, 2, 3] as const).map((t) => {
        const people = list.entries.filter((e) => e.tier === t);
        return (
          <section key={t}>
            <h2>
              {TIER_NAMES[t]}（{list.settings.tierShares[t - 1]}%，名额 {list.places[t - 1]} 人，实有 {people.length} 人）
            </h2>
            {people.length === 0 ? (
              <div className="award-sheet-empty">无</div>
            ) : (
              <table className="award-sheet-table" data-testid={`award-sheet-tier-${t}`}>
                <thead>
                  <tr>
                    <th style={{ width: '16mm' }}>名次</th>
                    <th>姓名</th>
                    {showCenter && <th>所属中心</th>}
                    <th>年度平均分</th>
                    <th>说明</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((e) => (
                    <tr key={e.subjectId}>
                      <td>{e.rank}</td>
                      <td>{e.name}</td>
                      {showCenter && <td>{e.orgName}</td>}
                      <td>{score(e.yearScore)}</td>
                      <td className="left">{e.notes.map((n) => NOTE_TEXT(n, list)).join('；')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      {out.length > 0 && (
        <section>
          <h2>不参加档次评定（{out.length} 人）</h2>
          <table className="award-sheet-table">
            <tbody>
              {out.map((e) => (
                <tr key={e.subjectId}>
                  <td>{e.name}</td>
                  {showCenter && <td>{e.orgName}</td>}
                  <td className="left">全年扣分 {score(e.deducted)} 分，超过 {list.settings.maxDeducted} 分</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
