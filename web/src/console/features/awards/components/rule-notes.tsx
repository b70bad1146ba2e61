import { Alert } from 'antd';
import type { AwardSettings } from '../api/awards';
import { missingText } from './text';

export const flagRule = (s: AwardSettings, required: number) =>
  `季度内各月考核排名进入前 ${s.flagTop} 名累计至少 ${s.flagTimes} 次的窗口，评为优质服务窗口（流动红旗）。` +
  (s.flagTimes > required ? `一个季度只有 ${required} 次月度排名，“至少 ${s.flagTimes} 次”以季度内的排名次数为限，即 ${required} 个月均须进入前 ${s.flagTop} 名。` : '') +
  `与第 ${s.flagTop} 名同分并列的均算进入前 ${s.flagTop} 名。`;

export const modelRule = (s: AwardSettings) => `全年 12 个月的考核排名均在前 ${s.modelTop} 名的工作人员，评为优质服务标兵；某月没有考核结果的，该月不算进入前 ${s.modelTop} 名。`;

export const tierRule = (s: AwardSettings) =>
  `按全年各季度考核平均分（季度分为该季度各月得分的平均数，保留两位小数）排名，第一档 ${s.tierShares[0]}%、第二档 ${s.tierShares[1]}%、第三档 ${s.tierShares[2]}%。` +
  `名额按参评人数乘比例向下取整，第一档至少 1 人，其余为第二档；同分并列跨越档次界线的均列入第二档，第一档、第三档不超过名额。` +
  `年末服务不满 ${s.minServiceMonths} 个月的不参加第一档；全年扣分超过 ${s.maxDeducted} 分的不参加档次评定。`;

/** The rule in words, and, when some months are not closed, which ones and what that means for the list. */
export function RuleNotes({ rule, missing, complete, provisional }: { rule: string; missing: { month: string; centers: { name: string }[]; notOver: boolean }[]; complete: boolean; provisional: string }) {
  return (
    <>
      <Alert type="info" showIcon message="评定规则" description={rule} style={{ marginBottom: 12 }} data-testid="award-rule" />
      {!complete && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="award-missing"
          message="名单尚未确定：以下月份没有全部关账，暂不参加排名"
          description={`${missingText(missing)}。${provisional}`}
        />
      )}
    </>
  );
}
