/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL by construction:
 * ids are UUID text, booleans are 0/1 integers, JSON is text, instants are ISO-8601 UTC text
 * (they sort correctly as strings on both). `src/db/portable.ts` converts at the edges.
 */

export type OrgLevel = 'county' | 'township' | 'village';
type Bool = number; // 0 | 1
type Json = string;
type Instant = string;

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  level: OrgLevel;
  code: string;
  name: string;
  center_name: string;
  address: string | null;
  phone: string | null;
  office_hours: Json;
  time_zone: string;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  org_id: string;
  roles: Json;
  phone: string | null;
  active: Bool;
  last_login_at: Instant | null;
  /** 1: created or reset by an administrator, the holder must set their own password first (database default 0) */
  must_change_password?: Bool;
  /** 1 while away from the post (AB岗: the backup acts) */
  away: Bool;
  away_reason: string | null;
  away_since: Instant | null;
  /** 去向 (0034): 在岗/下村/开会/请假/出差; away = whereabouts ≠ 在岗, away_reason is the staff-only note */
  whereabouts?: string;
  /** the person's photo for the 政务公开 pages: a hash in `files` (0028), null: none */
  photo_hash?: string | null;
  /** 入职/服务起始日期 (0038) 'YYYY-MM-DD'; null: the day the account was created */
  service_start_date?: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token: a stolen database does not yield live sessions
  user_id: string;
  created_at: Instant;
  last_seen_at: Instant;
  absolute_expires_at: Instant;
  ended_at: Instant | null;
  ip: string | null;
  user_agent: string | null;
}

export interface WindowsTable {
  id: string;
  org_id: string;
  name: string;
  department: string | null;
  post_a_user_id: string | null;
  post_b_user_id: string | null;
  active: Bool;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Instant;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  imported_at: Instant;
  imported_by: string | null;
}

/** Only the exceptions to "Monday–Friday work": public holidays and make-up working days (调休). */
export interface CalendarDaysTable {
  date: string;
  year: number;
  working: Bool;
  note: string;
}

export interface ItemsTable {
  id: string;
  code: string;
  name: string;
  category: string;
  department: string;
  window: string;
  level: OrgLevel;
  accept_levels: Json;
  kind: 'immediate' | 'promised';
  legal_days: number | null;
  promised_days: number;
  joint: Json;
  in_person_required: Bool;
  proxy_allowed: Bool;
  online_allowed: Bool;
  conditions: string;
  basis: Json;
  steps: Json;
  materials: Json;
  result: string;
  fee: Json;
  public_notes: string | null;
  special_steps: Json;
  /** 俗称: JSON array of the names people use for the item (低保, 五保 …) */
  aliases: Json;
  status: 'active' | 'retired';
  retired_reason: string | null;
  /** code, name and 俗称 as compared, with their full pinyin and initials, for LIKE search on both databases */
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface ItemHistoryTable {
  id: string;
  item_id: string;
  version: number;
  action: 'created' | 'updated' | 'retired' | 'imported';
  snapshot: Json;
  by_user_id: string | null;
  at: Instant;
}

export interface OrgItemsTable {
  org_id: string;
  item_id: string;
  window_id: string | null;
}

export interface AuditLogTable {
  id: string;
  at: Instant;
  user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: Json | null;
  /** the client address the request came from, when there was one */
  ip: string | null;
  /** position in the hash chain (src/db/audit-chain.ts), 1, 2, 3 … without gaps */
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The one row (id 1) holding the last link of the audit chain; every append updates it in its transaction. */
export interface AuditChainTable {
  id: number;
  seq: number;
  hash: string;
}

/** Wrong passwords per name typed, real account or not (the same answer and lock-out for both). */
export interface LoginFailuresTable {
  username: string;
  failures: number;
  locked_until: Instant | null;
  last_failed_at: Instant;
}

/** Per-address request limits (0044): requests counted per route and address in a window ending at ends_at. */
export interface RateLimitWindowsTable {
  /** the route ("GET /api/public/progress") and the limiter's key (the client address), space-separated */
  key: string;
  hits: number;
  ends_at: Instant;
}

export interface CasesTable {
  id: string;
  case_no: string;
  item_id: string;
  item_code: string;
  item_name: string;
  kind: string;
  six_kind: string;
  status: string;
  channel: string;
  receiving_org_id: string;
  holder_org_id: string;
  transit_org_id: string | null;
  window_id: string | null;
  first_responder_id: string;
  applicant_kind: 'person' | 'organization';
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string;
  applicant_address: string | null;
  accepted_at: Instant | null;
  due_at: Instant | null;
  legal_due_at: Instant | null;
  /** 1: due_at was counted through a year not imported yet (暂定, rule 3) */
  due_provisional: Bool;
  /** when importing a year's arrangement last moved due_at (shown to the director); null: never */
  due_recomputed_at: Instant | null;
  paused_at: Instant | null;
  outcome: string | null;
  result_no: string | null;
  /** 1 while an extension request waits for the director */
  extension_pending: Bool;
  /** the director's review of a refusal (否定报备): when, and 'upheld' | 'questioned' */
  refusal_reviewed_at: Instant | null;
  refusal_review: 'upheld' | 'questioned' | null;
  /** when the window answered the director's objection (有异议) to the refusal: the work-list task is closed */
  refusal_answered_at: Instant | null;
  /** the supervision light (rule 12), stored so lists filter and count by it in SQL; null when not open */
  light: 'green' | 'yellow' | 'red' | null;
  /** when the light next changes by itself (the sweep's index); null when it will not */
  light_changes_at: Instant | null;
  completed_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** The whole CaseState of src/domain/cases/model.ts, one row per case. */
export interface CaseStatesTable {
  case_id: string;
  state: Json;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  at: Instant;
  type: string;
  by_user_id: string | null;
  org_id: string | null;
  from_status: string | null;
  to_status: string | null;
  data: Json | null;
  /** the order over all cases that event consumers read in, set by the database (migration 0012) */
  pos?: number;
}

/** One consumer of case events: its durable cursor and its failure state (src/modules/events). */
export interface EventConsumersTable {
  name: string;
  /** PostgreSQL: the writing transaction of the last event handled (0 on SQLite) */
  cursor_tx: number | string;
  cursor_pos: number | string;
  handled: number | string;
  last_handled_at: Instant | null;
  /** failures in a row since the last success; 0 when healthy */
  failures: number;
  last_error: string | null;
  last_error_at: Instant | null;
  /** not tried again before this instant (backoff) */
  retry_at: Instant | null;
  created_at: Instant;
}

/** Case events per center (the event's org), per day in the center's time zone and per type. */
export interface CaseEventCountsTable {
  org_id: string;
  day: string;
  type: string;
  count: number;
}

/** One run of a scheduled job (src/server/jobs.ts). */
export interface JobRunsTable {
  id: string;
  job_name: string;
  /** the scheduled instant the run was for, unique per job (null: a catch-up or manual run) */
  slot: Instant | null;
  started_at: Instant;
  finished_at: Instant | null;
  duration_ms: number | null;
  status: 'running' | 'ok' | 'failed';
  message: string | null;
  error: string | null;
  /** host name and process id of the app process that ran it */
  process: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  case_id: string;
  created_at: Instant;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on keys stored before */
  fingerprint?: string | null;
}

export interface CaseSequencesTable {
  org_id: string;
  day: string;
  last_no: number;
}

export interface VillageBatchesTable {
  id: string;
  batch_no: string;
  village_org_id: string;
  township_org_id: string;
  sent_by: string;
  sent_at: Instant;
  received_by: string | null;
  received_at: Instant | null;
  case_count: number;
  idempotency_key: string;
}

export interface CaseHopsTable {
  id: string;
  case_id: string;
  /** HopKind of src/domain/cases/hops.ts */
  kind: string;
  from_org_id: string;
  to_org_id: string;
  urgent: number;
  batch_id: string | null;
  /** JSON: names of the materials handed over */
  materials: string;
  ready_at: Instant;
  due_at: Instant;
  sent_by: string | null;
  sent_at: Instant | null;
  received_by: string | null;
  received_at: Instant | null;
}

/** One printed paper of a case (DOMAIN.md "Printed notices"); `content` is the JSON snapshot of what it said. */
export interface PrintRecordsTable {
  id: string;
  case_id: string;
  paper: string;
  issuer_org_id: string;
  printed_by: string;
  printed_at: Instant;
  content: Json;
}

/** 督办单 (migration 0020, src/domain/supervision/cards.ts): GB/T 39046 表11 督办内容, 被督办机构, 督办发出时间 … */
export interface SupervisionCardsTable {
  id: string;
  /** 督〔2026〕12号 */
  card_no: string;
  issuer_org_id: string;
  year: number;
  seq: number;
  /** CardLevel: blue | orange | red */
  level: string;
  /** CardSubject: case | violation | center */
  subject: string;
  case_id: string | null;
  /** 办件编号 when issued */
  case_no: string | null;
  violation_id: string | null;
  /** the violation's rule (RuleCode of src/domain/supervision/rules.ts) */
  rule_code: string | null;
  /** 被督办机构 */
  org_id: string;
  content: string;
  issued_by: string;
  issued_at: Instant;
  /** local date YYYY-MM-DD */
  reply_by: string;
  /** CardStatus: issued | returned | replied | closed */
  status: string;
  replied_at: Instant | null;
  replied_by: string | null;
  closed_at: Instant | null;
  closed_by: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  updated_at: Instant;
  version: number;
}

/** One step of a card's history (issue, reply, return, raise, close). */
export interface SupervisionCardStepsTable {
  id: string;
  card_id: string;
  seq: number;
  action: string;
  at: Instant;
  by_user_id: string;
  level: string;
  reply_by: string;
  text: string;
  from_status: string | null;
  to_status: string;
}

/** One printed card with its content as printed. */
export interface SupervisionCardPrintsTable {
  id: string;
  card_id: string;
  printed_by: string;
  printed_at: Instant;
  content: Json;
}

/** One message of the notification outbox, SMS or in-app (src/modules/notifications, migration 0019). */
export interface OutboxMessagesTable {
  id: string;
  channel: 'sms' | 'inbox';
  /** sms: the phone number; inbox: the user id */
  recipient: string;
  template: string;
  params: Json;
  /** as rendered from the template: what is sent and shown */
  text: string;
  case_id: string | null;
  dedupe_key: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Instant | null;
  last_error: string | null;
  /** why a pending message waits (未配置短信通道, the per-phone limit) */
  note: string | null;
  provider_id: string | null;
  created_at: Instant;
  sent_at: Instant | null;
  read_at: Instant | null;
}

/** A supervision rule as data (migration 0018, src/domain/supervision/rules.ts): the switch and parameters in force. */
export interface SupervisionRulesTable {
  /** RuleCode */
  code: string;
  /** 监察规则编号 (GB/T 39046 表11), JC-01 … */
  number: string;
  name: string;
  description: string;
  /** warning (预警) | violation (违规) */
  severity: string;
  parameters: Json;
  enabled: Bool;
  version: number;
  updated_at: Instant;
  updated_by: string | null;
}

/** One change of a supervision rule: who, when, what (JSON list), why. */
export interface SupervisionRuleChangesTable {
  id: string;
  rule_code: string;
  at: Instant;
  by_user_id: string | null;
  changes: Json;
  reason: string;
  /** the rule's version after the change */
  version: number;
}

/** One firing of a supervision rule (监察记录); `occurrence_key` unique: never recorded twice. */
export interface ViolationsTable {
  id: string;
  occurrence_key: string;
  rule_code: string;
  case_id: string;
  case_no: string;
  /** the center responsible */
  org_id: string;
  window_id: string | null;
  person_id: string | null;
  severity: string;
  fired_at: Instant;
  occurred_at: Instant;
  facts: Json;
  fact_lines: Json;
  facts_text: string;
  /** open | explained | confirmed | dismissed */
  status: string;
  explanation: string | null;
  explained_by: string | null;
  explained_at: Instant | null;
  /** confirm | dismiss */
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
  version: number;
  updated_at: Instant;
}

/** How far the supervision sweep has evaluated the time-driven rules. */
export interface SupervisionSweepStateTable {
  name: string;
  swept_to: Instant;
}

/** 咨询 (migration 0025): a question at the window, by phone or online, with the answer given. */
export interface ConsultationsTable {
  id: string;
  /** ZX + local date + the day's sequence: ZX202612060001 */
  consultation_no: string;
  /** local date YYYYMMDD of the number */
  day: string;
  seq: number;
  org_id: string;
  /** window | phone | online */
  channel: string;
  /** pending | answered */
  status: string;
  item_id: string | null;
  item_code: string | null;
  item_name: string | null;
  question: string;
  answer: string | null;
  asker_name: string | null;
  asker_phone: string | null;
  query_code: string | null;
  asked_at: Instant;
  logged_by: string | null;
  answered_by: string | null;
  answered_at: Instant | null;
  faq_id: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** One step of a consultation's timeline (asked, logged, answered, promoted). */
export interface ConsultationEventsTable {
  id: string;
  consultation_id: string;
  seq: number;
  action: string;
  at: Instant;
  by_user_id: string | null;
  text: string;
}

/** One entry of an item's public FAQ, as a center wrote it. */
export interface ItemFaqsTable {
  id: string;
  item_id: string;
  org_id: string;
  question: string;
  answer: string;
  position: number;
  /** active | retired */
  status: string;
  source_consultation_id: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string;
  created_at: Instant;
  updated_by: string;
  updated_at: Instant;
  version: number;
}

/** Every version of an FAQ entry. */
export interface ItemFaqHistoryTable {
  id: string;
  faq_id: string;
  version: number;
  action: string;
  question: string;
  answer: string;
  position: number;
  status: string;
  note: string | null;
  by_user_id: string;
  at: Instant;
}

/** 好差评 (migration 0021): one rating of a finished case by a rater (round 1 首次, 2 the rating of a 差评's fix). */
export interface RatingsTable {
  id: string;
  case_id: string;
  case_no: string;
  /** the center that handled the case */
  org_id: string;
  window_id: string | null;
  /** the responsible clerk */
  person_id: string | null;
  item_id: string;
  item_code: string;
  item_name: string;
  /** very_satisfied | satisfied | basic | dissatisfied | very_dissatisfied */
  level: string;
  comment: string | null;
  /** pad | qr | progress | sms | paper | default */
  channel: string;
  round: number;
  rater_key: string;
  /** a paper form keyed in on the rater's behalf: by whom */
  entered_by: string | null;
  pad_id: string | null;
  is_default: Bool;
  rated_at: Instant;
  created_at: Instant;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  /** an upheld appeal: out of scores and rankings, kept on record */
  excluded_at: Instant | null;
  excluded_by: string | null;
  excluded_reason: string | null;
  appeal_id: string | null;
  version: number;
}

/** A window rating pad (评价器): a registered device; only the SHA-256 of its token is kept. */
/** An Open311 API key issued to a third party (0030): only the key's SHA-256 is kept. */
export interface Open311KeysTable {
  id: string;
  name: string;
  key_hash: string;
  created_by: string;
  created_at: Instant;
  revoked_at: Instant | null;
  revoked_by: string | null;
  reason: string | null;
  last_used_at: Instant | null;
  version: number;
}

/** A POST to an Open311 batch service waiting for (or done by) the job that files it (0040). */
export interface Open311TokensTable {
  id: string;
  token: string;
  request_key: string;
  key_id: string;
  item_code: string;
  org_id: string;
  /** the checked request as JSON until done or failed */
  payload: string | null;
  /** queued | working | done | failed */
  status: string;
  attempts: number;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  application_id: string | null;
  error: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface RatingPadsTable {
  id: string;
  org_id: string;
  window_id: string;
  name: string;
  token_hash: string;
  registered_by: string;
  registered_at: Instant;
  revoked_at: Instant | null;
  revoked_by: string | null;
  last_seen_at: Instant | null;
  version: number;
}

/** A finished case open for rating, with its invitation and default (the jobs' own table). */
export interface RatingOpeningsTable {
  case_id: string;
  case_no: string;
  org_id: string;
  window_id: string | null;
  person_id: string | null;
  completed_at: Instant;
  rated_at: Instant | null;
  invited_at: Instant | null;
  defaulted_at: Instant | null;
}

/** The HMAC key of the signed rating links. */
export interface EvaluationSecretsTable {
  name: string;
  secret: string;
  created_at: Instant;
}

/** 差评整改工单 (migration 0022): one per 差评, with its deadlines and the clock of the step owed now. */
export interface RatingWorkOrdersTable {
  id: string;
  work_order_no: string;
  year: number;
  seq: number;
  rating_id: string;
  case_id: string;
  case_no: string;
  org_id: string;
  window_id: string | null;
  person_id: string | null;
  item_code: string;
  item_name: string;
  level: string;
  /** visit_pending | rectifying | awaiting_feedback | closed | cancelled */
  status: string;
  opened_at: Instant;
  visit_due_at: Instant;
  fix_due_at: Instant;
  visited_at: Instant | null;
  rectified_at: Instant | null;
  closed_at: Instant | null;
  finding: string | null;
  outcome: string | null;
  fix_level: string | null;
  /** the current step's due instant and when it turns yellow; null once nothing is owed */
  due_at: Instant | null;
  yellow_at: Instant | null;
  /** the warning of the current step already sent: yellow | red */
  warned: string | null;
  version: number;
  updated_at: Instant;
}

/** The last work order number given per center and year. */
export interface RatingWorkOrderSequencesTable {
  org_id: string;
  year: number;
  last_no: number;
}

/** One step of a work order's history. */
export interface RatingWorkOrderStepsTable {
  id: string;
  work_order_id: string;
  seq: number;
  action: string;
  at: Instant;
  by_user_id: string | null;
  from_status: string | null;
  to_status: string;
  text: string;
  data: Json;
}

/** 申诉复核 (migration 0022): one per rating. */
export interface RatingAppealsTable {
  id: string;
  rating_id: string;
  org_id: string;
  case_no: string;
  reason: string;
  evidence: string;
  /** pending | upheld | rejected */
  status: string;
  requested_by: string;
  requested_at: Instant;
  decision: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
  version: number;
}

export interface DB {
  archive_retention: ArchiveRetentionTable;
  archive_dossiers: ArchiveDossiersTable;
  archive_sequences: ArchiveSequencesTable;
  standard_checklists: StandardChecklistsTable;
  standard_rounds: StandardRoundsTable;
  standard_answers: StandardAnswersTable;
  standard_gaps: StandardGapsTable;
  standard_photos: StandardPhotosTable;
  standard_events: StandardEventsTable;
  assessment_rules: AssessmentRulesTable;
  assessment_months: AssessmentMonthsTable;
  assessment_items: AssessmentItemsTable;
  assessment_appeals: AssessmentAppealsTable;
  assessment_chiefs: AssessmentChiefsTable;
  assessment_results: AssessmentResultsTable;
  attendance_records: AttendanceRecordsTable;
  leave_requests: LeaveRequestsTable;
  hall_services: HallServicesTable;
  hall_tickets: HallTicketsTable;
  hall_ticket_events: HallTicketEventsTable;
  appointment_plans: AppointmentPlansTable;
  appointment_slot_counts: AppointmentSlotCountsTable;
  appointments: AppointmentsTable;
  applications: ApplicationsTable;
  application_steps: ApplicationStepsTable;
  application_files: ApplicationFilesTable;
  evidence: EvidenceTable;
  files: FilesTable;
  notices: NoticesTable;
  notice_versions: NoticeVersionsTable;
  petitions: PetitionsTable;
  petition_events: PetitionEventsTable;
  petition_handovers: PetitionHandoversTable;
  petition_receptions: PetitionReceptionsTable;
  petition_prints: PetitionPrintsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  ratings: RatingsTable;
  rating_work_orders: RatingWorkOrdersTable;
  rating_work_order_steps: RatingWorkOrderStepsTable;
  rating_work_order_sequences: RatingWorkOrderSequencesTable;
  rating_appeals: RatingAppealsTable;
  rating_pads: RatingPadsTable;
  open311_keys: Open311KeysTable;
  open311_tokens: Open311TokensTable;
  duty_rosters: DutyRostersTable;
  monthly_reports: MonthlyReportsTable;
  monthly_report_events: MonthlyReportEventsTable;
  duty_roster_days: DutyRosterDaysTable;
  duty_roster_changes: DutyRosterChangesTable;
  duty_receptions: DutyReceptionsTable;
  village_office_days: VillageOfficeDaysTable;
  rating_openings: RatingOpeningsTable;
  evaluation_secrets: EvaluationSecretsTable;
  consultations: ConsultationsTable;
  consultation_events: ConsultationEventsTable;
  item_faqs: ItemFaqsTable;
  item_faq_history: ItemFaqHistoryTable;
  supervision_rules: SupervisionRulesTable;
  supervision_rule_changes: SupervisionRuleChangesTable;
  violations: ViolationsTable;
  supervision_sweep_state: SupervisionSweepStateTable;
  outbox_messages: OutboxMessagesTable;
  supervision_cards: SupervisionCardsTable;
  supervision_card_steps: SupervisionCardStepsTable;
  supervision_card_prints: SupervisionCardPrintsTable;
  print_records: PrintRecordsTable;
  cases: CasesTable;
  village_batches: VillageBatchesTable;
  case_hops: CaseHopsTable;
  case_states: CaseStatesTable;
  case_events: CaseEventsTable;
  event_consumers: EventConsumersTable;
  job_runs: JobRunsTable;
  case_event_counts: CaseEventCountsTable;
  idempotency_keys: IdempotencyKeysTable;
  case_sequences: CaseSequencesTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  windows: WindowsTable;
  settings: SettingsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  items: ItemsTable;
  item_history: ItemHistoryTable;
  org_items: OrgItemsTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  login_failures: LoginFailuresTable;
  rate_limit_windows: RateLimitWindowsTable;
  applicants: ApplicantsTable;
  applicant_sessions: ApplicantSessionsTable;
  verification_codes: VerificationCodesTable;
  code_sends: CodeSendsTable;
}

/** Applicant accounts of the public hall (0026). */
export interface ApplicantsTable {
  id: string;
  phone: string;
  password_hash: string;
  kind: 'person' | 'organization';
  name: string;
  id_number: string | null;
  credit_code: string | null;
  real_name_verified: number;
  real_name_verified_at: Instant | null;
  real_name_method: string | null;
  failed_attempts: number;
  last_failed_at: Instant | null;
  locked_until: Instant | null;
  last_login_at: Instant | null;
  idempotency_key: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** Applicants' sessions (0026): `id` is the SHA-256 of the cookie's token. */
export interface ApplicantSessionsTable {
  id: string;
  applicant_id: string;
  created_at: Instant;
  last_seen_at: Instant;
  absolute_expires_at: Instant;
  ended_at: Instant | null;
  ip: string | null;
  user_agent: string | null;
}

/** SMS verification codes (0026): the code only as a hash. */
export interface VerificationCodesTable {
  id: string;
  phone: string;
  purpose: string;
  code_hash: string;
  created_at: Instant;
  expires_at: Instant;
  attempts: number;
  consumed_at: Instant | null;
  ip: string | null;
}

/** Codes sent per phone and day (0026). */
export interface CodeSendsTable {
  phone: string;
  day: string;
  sent_today: number;
  last_sent_at: Instant;
}

/** 投诉 (0023): GB/T 39046 表10 fields, the decision, the merge link, the reminder mark. */
export interface ComplaintsTable {
  id: string;
  complaint_no: string;
  year: number;
  seq: number;
  org_id: string;
  respondent_org_id: string | null;
  respondent_unit: string;
  respondent_person: string | null;
  title: string;
  content: string;
  complainant_name: string;
  complainant_phone: string;
  source: string;
  case_no: string | null;
  hotline_no: string | null;
  received_at: Instant;
  received_on: string;
  cls: string;
  due_date: string;
  extended_due: string | null;
  extension_reason: string | null;
  handler_id: string | null;
  handled_at: Instant | null;
  findings: string | null;
  upheld: number | null;
  decision_reasons: string | null;
  feedback: string | null;
  feedback_at: Instant | null;
  overdue_days: number | null;
  visit_result: string | null;
  assessment: number;
  assessment_month: string | null;
  status: string;
  merged_into_id: string | null;
  reminded_at: Instant | null;
  query_code: string;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** A complaint's timeline (0023). */
export interface ComplaintEventsTable {
  id: string;
  complaint_id: string;
  seq: number;
  type: string;
  at: Instant;
  by_user_id: string | null;
  from_status: string | null;
  to_status: string;
  text: string;
}

/** 信访 (0024): the ledger, with the local dates the clocks run from. */
export interface PetitionsTable {
  id: string;
  petition_no: string;
  org_id: string;
  year: number;
  seq: number;
  received_at: Instant;
  channel: string;
  name: string;
  sex: string | null;
  age: number | null;
  occupation: string | null;
  address: string | null;
  phone: string | null;
  id_number: string | null;
  issue: string;
  received_by: string;
  handling: string;
  urgency: string;
  persons: number;
  is_group: Bool;
  representatives: string;
  earlier_visits: number;
  status: string;
  day_count: string;
  registered_on: string;
  decided_on: string | null;
  accepted_on: string | null;
  extension_days: number;
  answered_on: string | null;
  review_requested_on: string | null;
  reviewed_on: string | null;
  recheck_requested_on: string | null;
  rechecked_on: string | null;
  reception_on: string | null;
  acceptance_due: string;
  finish_due: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** A petition's history (0024). */
export interface PetitionEventsTable {
  id: string;
  petition_id: string;
  seq: number;
  action: string;
  at: Instant;
  by_user_id: string;
  text: string;
  from_status: string | null;
  to_status: string;
}

/** 事项交办单 and the department's reply registered against it (0024). */
export interface PetitionHandoversTable {
  id: string;
  petition_id: string;
  seq: number;
  department: string;
  content: string;
  reply_by: string;
  handed_at: Instant;
  handed_by: string;
  reply: string | null;
  replied_at: Instant | null;
  replied_by: string | null;
}

/** Leader receptions (0024). */
export interface PetitionReceptionsTable {
  id: string;
  petition_id: string;
  leader_name: string;
  received_on: string;
  decision: string;
  recorded_by: string;
  at: Instant;
}

/** Printed 交办单 and 告知书 (0024). */
export interface PetitionPrintsTable {
  id: string;
  petition_id: string;
  paper: string;
  printed_by: string;
  printed_at: Instant;
  content: string;
}

/** 政务公开的公告 (0027): a center's notice with its display period; withdrawn ones are kept. */
export interface NoticesTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  /** local dates YYYY-MM-DD */
  start_date: string;
  min_days: number;
  end_date: string | null;
  /** published | withdrawn */
  status: string;
  withdrawn_at: Instant | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string;
  created_at: Instant;
  updated_by: string;
  updated_at: Instant;
  version: number;
}

/** Every version of a notice (0027). */
export interface NoticeVersionsTable {
  id: string;
  notice_id: string;
  version: number;
  /** publish | edit | withdraw */
  action: string;
  title: string;
  body: string;
  start_date: string;
  min_days: number;
  end_date: string | null;
  status: string;
  note: string | null;
  by_user_id: string;
  at: Instant;
}

/** Uploaded files by content hash, with the count of records using each (0028, src/modules/files). */
export interface FilesTable {
  hash: string;
  size: number;
  /** application/pdf | image/jpeg | image/png, by content */
  type: string;
  refs: number;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Online applications and their pre-review (0029, src/domain/applications). */
export interface ApplicationsTable {
  id: string;
  application_no: string;
  day: string;
  seq: number;
  applicant_id: string;
  org_id: string;
  window_id: string | null;
  item_id: string;
  item_code: string;
  item_name: string;
  applicant_kind: 'person' | 'organization';
  applicant_name: string;
  applicant_number: string;
  applicant_phone: string;
  applicant_address: string | null;
  description: string | null;
  status: 'pre_review' | 'supplement_requested' | 'accepted' | 'returned' | 'withdrawn';
  submitted_at: Instant;
  pre_review_due_at: Instant | null;
  /** JSON: string[] — every material a one-time notice named */
  noticed: Json;
  case_id: string | null;
  /** hall | open311 */
  source: string;
  /** Open311 (0031): the location sent with the request, decimal degrees as given; null when none */
  latitude: string | null;
  longitude: string | null;
  /** Open311 (0031): the api_key (open311_keys.id) the request came with */
  open311_key_id: string | null;
  idempotency_key: string;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  /** (0046) 否定报备 of a return at pre-review: the director's opinion (upheld | questioned), when, by whom, the comment */
  refusal_review?: 'upheld' | 'questioned' | null;
  refusal_reviewed_at?: Instant | null;
  refusal_reviewed_by?: string | null;
  refusal_comment?: string | null;
  /** (0046) the window's answer to the director's objection (有异议) */
  refusal_answer?: string | null;
  refusal_answered_at?: Instant | null;
  refusal_answered_by?: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

export interface ApplicationStepsTable {
  id: string;
  application_id: string;
  seq: number;
  action: string;
  at: Instant;
  by_user_id: string | null;
  from_status: string | null;
  to_status: string;
  text: string;
  /** JSON: the notice's missing materials, or the names uploaded with the step */
  materials: Json;
}

export interface ApplicationFilesTable {
  id: string;
  application_id: string;
  step_seq: number;
  material_name: string;
  file_hash: string;
  size: number;
  type: string;
  original_name: string | null;
  uploaded_at: Instant;
}

/** Materials kept for an applicant with their trust level (A–D) and validity (0029). */
export interface EvidenceTable {
  id: string;
  /** whose (0041): the real-named person or organization, not an account */
  holder_kind: 'person' | 'organization';
  holder_number: string;
  holder_name: string;
  material_name: string;
  material_key: string;
  level: 'A' | 'B' | 'C' | 'D';
  valid_until: string | null;
  checked_at: Instant;
  checked_by: string | null;
  file_hash: string | null;
  application_id: string | null;
  case_id: string | null;
  /** A: the item whose result it is, and the result's document number */
  item_code: string | null;
  result_no: string | null;
  created_at: Instant;
  /** D (0043): the last day of the check after acceptance, its result (kept | false), note, when and by whom */
  promise_due: string | null;
  promise_result: 'kept' | 'false' | null;
  promise_note: string | null;
  promise_checked_at: Instant | null;
  promise_checked_by: string | null;
}

/** 大厅服务 (0032): a service of a center's hall with its code letter, windows and items (JSON arrays of ids/codes). */
export interface HallServicesTable {
  id: string;
  org_id: string;
  code: string;
  name: string;
  window_ids: Json;
  item_codes: Json;
  active: Bool;
  sort: number;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** 排队号 (0032): one number of a center's hall; `phone` is for the "N in line" SMS only. */
export interface HallTicketsTable {
  id: string;
  org_id: string;
  service_id: string;
  issued_service_id: string;
  day: string;
  seq: number;
  number: string;
  source: string;
  priority: string;
  green_reason: string | null;
  green_granted_by: string | null;
  appointment_id: string | null;
  phone: string | null;
  status: string;
  window_id: string | null;
  called_by: string | null;
  issued_at: Instant;
  called_at: Instant | null;
  started_at: Instant | null;
  finished_at: Instant | null;
  recalls: number;
  case_id: string | null;
  public_token: string;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  position_sms_at: Instant | null;
  updated_at: Instant;
  version: number;
}

/** What happened to a ticket (0032), for the figures and the audit. */
export interface HallTicketEventsTable {
  id: string;
  ticket_id: string;
  org_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  service_id: string | null;
  window_id: string | null;
  reason: string | null;
  by_user_id: string | null;
  at: Instant;
}

/** 领导带班值班表 of a center for one month (0035). */
export interface DutyRostersTable {
  id: string;
  org_id: string;
  /** 'YYYY-MM' */
  month: string;
  status: 'draft' | 'published';
  published_at: Instant | null;
  published_by: string | null;
  created_by: string;
  created_at: Instant;
  updated_by: string;
  updated_at: Instant;
  version: number;
}

/** One working day of a roster and its leader on duty (0035). */
export interface DutyRosterDaysTable {
  id: string;
  roster_id: string;
  /** 'YYYY-MM-DD' */
  day: string;
  user_id: string;
}

/** Publishing a roster and every change made to a published one, with its reason (0035). */
export interface DutyRosterChangesTable {
  id: string;
  roster_id: string;
  action: 'publish' | 'change';
  day: string | null;
  from_user_id: string | null;
  to_user_id: string | null;
  reason: string | null;
  /** the roster's version after the action */
  version: number;
  by_user_id: string;
  at: Instant;
}

/** 领导接待: a visitor received by the leader on duty (0035). */
export interface DutyReceptionsTable {
  id: string;
  org_id: string;
  day: string;
  leader_user_id: string;
  visitor_name: string;
  visitor_phone: string | null;
  matter: string;
  handling: string;
  petition_id: string | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string;
  created_at: Instant;
  updated_by: string;
  updated_at: Instant;
  version: number;
}

/** A village's fixed weekly office day(s) (0035): `weekdays` JSON array of ISO weekdays 1 (Monday) .. 7. */
export interface VillageOfficeDaysTable {
  org_id: string;
  weekdays: Json;
  note: string | null;
  updated_by: string;
  updated_at: Instant;
  version: number;
}

/** 预约 (0033): a service's plan of ranges with capacities, the places taken per slot, and the bookings. */
export interface AppointmentPlansTable {
  service_id: string;
  org_id: string;
  /** JSON [{ start: 'HH:mm', end: 'HH:mm', capacity }] */
  ranges: Json;
  updated_by: string | null;
  updated_at: Instant;
  version: number;
}

export interface AppointmentSlotCountsTable {
  service_id: string;
  day: string;
  start: string;
  booked: number;
}

export interface AppointmentsTable {
  id: string;
  org_id: string;
  service_id: string;
  day: string;
  start: string;
  end: string;
  name: string;
  phone: string;
  code: string;
  /** booked | checked_in | cancelled | no_show */
  status: string;
  /** public | window | agent */
  via: string;
  applicant_id: string | null;
  booked_by: string | null;
  active_key: string | null;
  note: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  checked_in_at: Instant | null;
  cancelled_at: Instant | null;
  cancelled_by: string | null;
  reminded_at: Instant | null;
  no_show_at: Instant | null;
  idem_owner: string;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** 考勤 (0034): one sign-in/sign-out per person and day, judged on writing against the center's office hours. */
export interface AttendanceRecordsTable {
  id: string;
  org_id: string;
  user_id: string;
  day: string;
  working_day: Bool;
  sign_in_at: Instant;
  sign_in_ip: string | null;
  late: Bool;
  minutes_late: number;
  sign_out_at: Instant | null;
  sign_out_ip: string | null;
  early: Bool;
  minutes_early: number;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** 请假 (0034): a leave request with its half-day period, decision and whether the job has marked the person away/back. */
export interface LeaveRequestsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  from_date: string;
  from_half: string;
  to_date: string;
  to_half: string;
  starts_at: Instant;
  ends_at: Instant;
  days: number;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: Instant | null;
  decision_reason: string | null;
  applied_at: Instant | null;
  ended_at: Instant | null;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** 月度统计报表 (0036): one version of a center's locked monthly figures, with its submission status. */
export interface MonthlyReportsTable {
  id: string;
  org_id: string;
  month: string;
  version: number;
  figures: Json;
  reason: string | null;
  /** draft | submitted | returned */
  status: string;
  taken_at: Instant;
  taken_by: string | null;
  submitted_at: Instant | null;
  submitted_by: string | null;
  returned_at: Instant | null;
  returned_by: string | null;
  return_comment: string | null;
  superseded_at: Instant | null;
  updated_at: Instant;
  row_version: number;
}

/** 月报的快照、报送、退回、更正记录 (0036). */
export interface MonthlyReportEventsTable {
  id: string;
  report_id: string;
  org_id: string;
  month: string;
  version: number;
  /** snapshot | submit | return | correct */
  action: string;
  comment: string | null;
  by_user_id: string | null;
  at: Instant;
}

/** 百分制考核 (0037): the rule set as data. */
export interface AssessmentRulesTable {
  code: string;
  name: string;
  category: string;
  points: number;
  max_points: number | null;
  cap: number | null;
  /** auto | manual | bonus */
  source: string;
  description: string;
  enabled: Bool;
  sort: number;
  updated_by: string | null;
  updated_at: Instant;
  version: number;
}

/** One center's assessment month (0037): open → closed. */
export interface AssessmentMonthsTable {
  id: string;
  org_id: string;
  month: string;
  status: 'open' | 'closed';
  computed_at: Instant | null;
  closed_at: Instant | null;
  closed_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** A deduction or bonus on a window or person (0037); automatic ones are unique by (source_key, subject_kind). */
export interface AssessmentItemsTable {
  id: string;
  org_id: string;
  month: string;
  subject_kind: 'window' | 'person';
  subject_id: string;
  rule_code: string;
  points: number;
  reason: string;
  case_id: string | null;
  case_no: string | null;
  source_key: string | null;
  evidence_hash: string | null;
  evidence_name: string | null;
  origin: 'auto' | 'manual';
  status: 'active' | 'withdrawn' | 'cancelled';
  occurred_at: Instant;
  idempotency_key: string | null;
  /** (0045) the request the key was used for (src/db/idempotency.ts); none on rows stored before */
  idempotency_fingerprint?: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** An appeal against one deduction (0037). */
export interface AssessmentAppealsTable {
  id: string;
  item_id: string;
  org_id: string;
  month: string;
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  by_user_id: string;
  created_at: Instant;
  decided_by: string | null;
  decided_at: Instant | null;
  decision_reason: string | null;
  updated_at: Instant;
  version: number;
}

/** The chief representative (首席代表) of a window (0037). */
export interface AssessmentChiefsTable {
  window_id: string;
  user_id: string;
  updated_by: string | null;
  updated_at: Instant;
}

/** The scores frozen when a month is closed (0037). */
export interface AssessmentResultsTable {
  id: string;
  org_id: string;
  month: string;
  subject_kind: 'window' | 'person';
  subject_id: string;
  name: string;
  score: number;
  deducted: number;
  bonus: number;
  rank: number;
}

/** 标准化建设 (0039): a version of a level's checklist (village | township), items JSON totalling 100 points. */
export interface StandardChecklistsTable {
  id: string;
  level: string;
  version: number;
  title: string;
  items: Json;
  reason: string | null;
  created_by: string | null;
  created_at: Instant;
}

/** 标准化建设 (0039): one center's round of a year — self-assessment, inspection, rectification. */
export interface StandardRoundsTable {
  id: string;
  org_id: string;
  year: number;
  checklist_id: string;
  /** draft | submitted | rectifying | closed */
  status: string;
  self_total: number;
  inspected_total: number | null;
  submitted_at: Instant | null;
  submitted_by: string | null;
  inspected_at: Instant | null;
  inspected_on: string | null;
  inspected_by: string | null;
  closed_at: Instant | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  version: number;
}

/** 标准化建设 (0039): the center's answer to one item and the county's score of it. */
export interface StandardAnswersTable {
  round_id: string;
  item_code: string;
  met: Bool | null;
  value: number | null;
  text: string | null;
  note: string | null;
  self_score: number | null;
  inspected_score: number | null;
  inspected_value: number | null;
  inspect_note: string | null;
  updated_by: string;
  updated_at: Instant;
}

/** 标准化建设 (0039): 整改项 — an item scored below its points, its deadline and rectification. */
export interface StandardGapsTable {
  id: string;
  round_id: string;
  org_id: string;
  item_code: string;
  note: string;
  lost: number;
  due_date: string;
  /** open | rectified | confirmed */
  status: string;
  rectification: string | null;
  rectified_at: Instant | null;
  rectified_on: string | null;
  rectified_by: string | null;
  confirmed_at: Instant | null;
  confirmed_by: string | null;
  reopen_reason: string | null;
  created_at: Instant;
  version: number;
}

/** 标准化建设 (0039): a photo of an item (slot 'self') or of a gap's rectification (slot = gap id). */
export interface StandardPhotosTable {
  id: string;
  round_id: string;
  item_code: string;
  slot: string;
  hash: string;
  type: string;
  size: number;
  file_name: string | null;
  uploaded_by: string;
  uploaded_at: Instant;
}

/** 标准化建设 (0039): the timeline of a round. */
export interface StandardEventsTable {
  id: string;
  round_id: string;
  /** 1, 2, … within the round */
  seq: number;
  gap_id: string | null;
  action: string;
  by_user_id: string;
  at: Instant;
  detail: Json | null;
}

/** 立卷归档 (0047): the 保管期限表 by catalog item code. */
export interface ArchiveRetentionTable {
  /** the center whose 保管期限表 it is */
  org_id: string;
  item_code: string;
  /** RetentionPeriod: permanent | 30y | 10y */
  period: string;
  updated_at: Instant;
  updated_by: string | null;
}

/** 立卷归档 (0047): one dossier (案卷) per finished case. */
export interface ArchiveDossiersTable {
  id: string;
  case_id: string;
  /** the case as filed: 办件编号, item, applicant */
  case_no: string;
  item_code: string;
  item_name: string;
  applicant_name: string;
  org_id: string;
  archive_no: string;
  year: number;
  period: string;
  seq: number;
  /** YYYY-MM-DD; null for 永久 */
  keep_until: string | null;
  finished_at: Instant;
  archived_at: Instant;
  /** null: filed by the nightly job (系统自动归档) */
  archived_by: string | null;
  file_count: number;
  total_bytes: number;
  /** the manifest's key in the file store (its content hash) */
  manifest_key: string;
  manifest_bytes: number;
  manifest_sha256: string;
  /** JSON: the registered files [{ key, name, contentType, bytes, sha256 }] */
  files: Json;
  /** JSON: the 卷内目录 (ManifestEntry[] without the papers' content) */
  entries: Json;
  check_at: Instant | null;
  check_ok: Bool | null;
  /** JSON: string[] */
  check_problems: Json | null;
}

export interface ArchiveSequencesTable {
  org_id: string;
  year: number;
  period: string;
  last_no: number;
}
