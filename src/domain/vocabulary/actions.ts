/** What each action of the transition table is called, and the other events a case's timeline shows. */
import type { CaseAction } from '../cases/model.js';

export const ACTION_NAMES: Record<CaseAction, string> = {
  accept: '受理',
  'notify-supplement': '一次性告知补正',
  supplement: '登记补正材料',
  return: '退回',
  pause: '进入特殊环节（暂停计时）',
  resume: '特殊环节结束（恢复计时）',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'reject-extension': '驳回延期申请',
  review: '联办部门审核',
  escalate: '上报县级',
  forward: '转报乡镇',
  receive: '接收',
  transfer: '转交窗口',
  complete: '办结',
  deliver: '送达结果',
  withdraw: '撤回',
};

/** Events of a case that are not actions of the table (intake, the refusal register, recomputed limits). */
export const OTHER_EVENT_NAMES = {
  intake: '收件登记',
  'refusal-review': '否定报备审查',
  'refusal-answer': '答复主任异议',
  'deadline-recomputed': '期限按正式节假日安排重新计算',
  'hop-limit-recomputed': '转报、回复时限按正式节假日安排重新计算',
  'light-changed': '亮灯变化（黄灯预警、红灯警告已发给承办人和中心主任）',
} as const;

/** The name of an event of the timeline; an unknown type is shown as it is rather than hidden. */
export const eventName = (type: string): string =>
  ACTION_NAMES[type as CaseAction] ?? OTHER_EVENT_NAMES[type as keyof typeof OTHER_EVENT_NAMES] ?? type;
