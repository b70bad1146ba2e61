import { sql, type Kysely } from 'kysely';

/**
 * Electronic supervision (电子监察, issue 9 §1): the rules as data, their change history, the violations they record,
 * and where the sweep job has looked up to.
 *
 * - `supervision_rules`: one row per shipped rule (src/domain/supervision/rules.ts), seeded below as they were
 *   shipped with this migration: rule number in the style of GB/T 39046 表11 监察规则编号, name, description,
 *   severity (warning 预警 / violation 违规), the parameters in force (JSON), the switch, and who changed it last.
 * - `supervision_rule_changes`: every change of a rule — who, when, what (JSON), why (required) — and the version.
 * - `violations`: each firing of a rule. `occurrence_key` (rule code + what fired: the case, the pause, the hop, the
 *   event) is unique, so evaluating again never records it twice (insert … on conflict do nothing). Status
 *   open → explained → confirmed | dismissed, with the center's reason and the supervisor's, under a version.
 * - `supervision_sweep_state`: the instant the sweep job has evaluated the time-driven rules up to, so each run
 *   reads only the due dates that passed since (by the indexes below), not every overdue case again.
 *
 * Two indexes for the sweep on the cases module's tables: hops by their limit, and the refusal register's
 * questioned and unanswered objections.
 */
const SHIPPED = [
  ['promise-overrun', 'JC-01', '承诺件超期', '承诺件（含联办件、上报件）超过承诺办结时间仍未办结，或办结时间晚于承诺办结时间。暂停计时（待补正、特殊环节）期间不计。', 'violation', { graceMinutes: 0 }],
  ['immediate-same-day', 'JC-02', '即办件当日未办结', '即办件受理后，到受理当日（非工作日或下班后受理的，为下一个工作日）下班时仍未办结，或办结晚于该时间。', 'violation', { graceMinutes: 0 }],
  ['special-step-overrun', 'JC-03', '特殊环节超时', '现场踏勘、公示、听证、专家评审等特殊环节暂停计时，超过该环节登记的时限（工作日，到期日下班时）仍未恢复计时，或恢复晚于时限。', 'violation', { graceMinutes: 0 }],
  ['supplement-beyond-notice', 'JC-04', '一次性告知外再次要求补正', '已出具一次性告知书后，又要求群众补交告知书未列明的材料，且未登记已交材料存在缺陷的说明（DOMAIN.md 规则 1）。', 'violation', {}],
  ['hop-village-township', 'JC-05', '村级转报乡镇超时', '村便民服务室收件后未在时限内报送乡镇（普通件为下一个集中报送日，急件为下一个工作日）。', 'warning', { graceMinutes: 0 }],
  ['hop-township-county', 'JC-06', '乡镇上报县级超时', '上报件由乡镇受理后未在 2 个工作日内上报县政务服务中心。', 'warning', { graceMinutes: 0 }],
  ['hop-hand-back', 'JC-07', '结果回复群众超时', '村民的办件在上级办结后，未在 3 个工作日内由代办员回复群众并交付结果。', 'warning', { graceMinutes: 0 }],
  ['fee-not-standard', 'JC-08', '收费与法定标准不符', '办结时登记的收费金额不是该事项的法定收费标准（少收、多收或对不收费事项收费），或在村便民服务室收费，或收费未登记票据号码。依法减免的登记为 0 元。', 'violation', {}],
  ['extension-after-due', 'JC-09', '到期后申请延期', '延期申请晚于当时的承诺办结时间提出（DOMAIN.md 规则 5：延期须在到期前申请并经中心主任批准）。', 'violation', {}],
  ['acceptance-backdated', 'JC-10', '受理登记明显晚于收件（倒签嫌疑）', '办件到达受理中心（窗口收件，或村级报送的办件被乡镇接收）后，过了较长的办公时间才登记受理，受理时间不能反映群众实际办事的时间。', 'warning', { thresholdHours: 8 }],
  ['objection-unanswered', 'JC-11', '否定报备异议逾期未答复', '中心主任审查否定报备（退回、不予批准）提出“有异议”后，窗口未在时限内答复。', 'warning', { answerDays: 3 }],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // warning | violation
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  const now = new Date().toISOString();
  for (const [code, number, name, description, severity, parameters] of SHIPPED) {
    await sql`insert into supervision_rules (code, number, name, description, severity, parameters, enabled, version, updated_at, updated_by)
              values (${code}, ${number}, ${name}, ${description}, ${severity}, ${JSON.stringify(parameters)}, 1, 1, ${now}, null)`.execute(db);
  }

  await db.schema
    .createTable('supervision_rule_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_rule_changes_rule_idx').on('supervision_rule_changes').columns(['rule_code', 'at']).execute();

  await db.schema
    .createTable('violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurrence_key', 'text', (c) => c.notNull().unique())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('fact_lines', 'text', (c) => c.notNull())
    .addColumn('facts_text', 'text', (c) => c.notNull())
    // open | explained | confirmed | dismissed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('explained_by', 'text')
    .addColumn('explained_at', 'text')
    // confirm | dismiss
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('violations_org_status_idx').on('violations').columns(['org_id', 'status', 'fired_at']).execute();
  await db.schema.createIndex('violations_rule_idx').on('violations').columns(['rule_code', 'status']).execute();
  await db.schema.createIndex('violations_case_idx').on('violations').column('case_id').execute();
  await db.schema.createIndex('violations_fired_idx').on('violations').column('fired_at').execute();

  await db.schema
    .createTable('supervision_sweep_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('swept_to', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('case_hops_due_idx').on('case_hops').column('due_at').execute();
  await db.schema.createIndex('cases_refusal_open_idx').on('cases').columns(['refusal_review', 'refusal_answered_at', 'refusal_reviewed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_refusal_open_idx').execute();
  await db.schema.dropIndex('case_hops_due_idx').execute();
  await db.schema.dropTable('supervision_sweep_state').execute();
  await db.schema.dropTable('violations').execute();
  await db.schema.dropTable('supervision_rule_changes').execute();
  await db.schema.dropTable('supervision_rules').execute();
}
