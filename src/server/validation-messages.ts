/**
 * Zod's messages for the checks that carry no message of their own, in the words of a service hall. Zod's own
 * Chinese locale speaks to programmers ("数值过大：期望 int <=9007199254740991", "无效输入：期望 string，实际接收 数字");
 * a clerk or another system's operator reading a refusal needs to know what to put instead. The field itself is
 * named by the problem's `errors[].path`; hand-written messages (names, ID numbers, dates …) are not affected.
 */
import type { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0];

/** Bounds as people write them: the safe-integer limit zod puts on every .int() is "too large", not a number to read. */
const bound = (n: number | bigint) => (typeof n === 'number' && Math.abs(n) >= Number.MAX_SAFE_INTEGER ? null : n.toString());

const TYPE_WANTED: Record<string, string> = {
  string: '应填写文字',
  number: '应填写数字',
  int: '应填写整数',
  boolean: '应选择“是”或“否”（true 或 false）',
  array: '应是一个列表',
  object: '格式不正确，请按接口说明提交',
  date: '应填写日期',
};

const FORMAT_WANTED: Record<string, string> = {
  datetime: '时间格式不正确，请按 2026-03-02T09:00:00+08:00 这样的格式填写',
  date: '日期请按 YYYY-MM-DD 填写，如 2026-03-02',
  time: '时刻请按 HH:mm 填写，如 09:00',
  email: '电子邮箱格式不正确，请核对',
  url: '网址格式不正确，请核对',
  uuid: '编号格式不正确，请刷新页面后重试',
};

export function messageOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '请填写此项';
      return TYPE_WANTED[issue.expected] ?? '格式不正确，请核对';
    case 'invalid_value':
      return issue.values.length === 1 ? `只能是 ${String(issue.values[0])}` : `只能是以下之一：${issue.values.map(String).join('、')}`;
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string') return max === null ? '内容太长，请精简' : `不能超过 ${max} 个字，请精简后再提交`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max ?? ''} 项，请分批提交`;
      if (issue.origin === 'file') return '文件太大，请压缩或拆分后再上传';
      if (max === null) return '数字太大，请核对';
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`;
    }
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? '请填写此项' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return issue.minimum === 1 ? '请至少选择或填写一项' : `至少 ${min} 项`;
      if (min === null) return '数字太小，请核对';
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`;
    }
    case 'invalid_format':
      return FORMAT_WANTED[issue.format] ?? '格式不正确，请核对';
    case 'not_multiple_of':
      return `须是 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `有本接口不认识的字段：${issue.keys.join('、')}，请按接口说明提交`;
    default:
      return '填写有误，请核对';
  }
}

/** For `z.config`: these messages wherever a schema gives none. */
export const hallMessages = (): Partial<z.core.$ZodConfig> => ({ localeError: messageOf });
