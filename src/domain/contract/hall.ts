/** What the server answers about the hall's queue (/api/hall/*, issue 12 §1–2): the shapes of the hall contract. */
import { z } from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../hall/ticket.js';

export const hallServiceSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  windowIds: z.array(z.string()),
  itemCodes: z.array(z.string()),
  waiting: z.number().int(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type HallService = z.infer<typeof hallServiceSchema>;

export const hallServicesSchema = z.object({ orgId: z.string(), orgName: z.string(), services: z.array(hallServiceSchema) });

export const hallSettingsSchema = z.object({
  noShowMinutes: z.number().int(),
  smsPosition: z.number().int(),
  priorityBonusMinutes: z.number().int(),
  maxOvertakes: z.number().int(),
});
export type HallSettingsView = z.infer<typeof hallSettingsSchema>;

export const hallSetupSchema = hallServicesSchema.extend({
  windows: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
  settings: hallSettingsSchema,
});
export type HallSetup = z.infer<typeof hallSetupSchema>;

export const ticketIssuedSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  ahead: z.number().int(),
  issuedAt: z.string(),
  token: z.string(),
  positionUrl: z.string().nullable(),
});

export const ticketPositionSchema = z.object({
  number: z.string(),
  serviceName: z.string(),
  status: z.enum(TICKET_STATUSES),
  ahead: z.number().int(),
  windowName: z.string().nullable(),
  calledAt: z.string().nullable(),
  orgName: z.string(),
  orgId: z.string(),
  day: z.string(),
  expired: z.boolean(),
});

export const callSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  windowName: z.string(),
  serviceName: z.string(),
  calledAt: z.string(),
  text: z.string(),
  recall: z.boolean(),
});

export const displayStateSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  date: z.string(),
  current: callSchema.nullable(),
  calls: z.array(callSchema),
  waiting: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), code: z.string(), waiting: z.number().int() })),
  dutyLeader: z.object({ name: z.string() }).nullable(),
  notices: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const hallTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  source: z.string(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  recalls: z.number().int(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  version: z.number().int(),
  waitedMinutes: z.number().int(),
  greenReason: z.string().nullable(),
  phoneTail: z.string().nullable(),
});

export const windowQueueSchema = z.object({
  window: z.object({ id: z.string(), name: z.string() }),
  windows: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), windowIds: z.array(z.string()) })),
  current: hallTicketSchema.nullable(),
  waiting: z.array(hallTicketSchema),
  recent: z.array(hallTicketSchema),
  noShowMinutes: z.number().int(),
  /** 手机取号 at the deployment's public address (a villager scans it from a poster); null until one is set */
  phoneTakeUrl: z.string().nullable(),
});

/** The answer of every action on a number: what the clerk's page needs to go on (the version for the next). */
export const ticketChangedSchema = z.object({
  ticket: z.object({
    id: z.string(),
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    version: z.number().int(),
    windowId: z.string().nullable(),
    serviceId: z.string().optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
  }),
});

const figureSchema = z.object({
  tickets: z.number().int(),
  served: z.number().int(),
  left: z.number().int(),
  waitAvg: z.number().nullable(),
  waitMax: z.number().nullable(),
  serveAvg: z.number().nullable(),
  serveMax: z.number().nullable(),
});

export const hallFiguresSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  totals: figureSchema,
  byService: z.array(figureSchema.extend({ serviceId: z.string(), code: z.string(), name: z.string() })),
  byWindow: z.array(figureSchema.extend({ windowId: z.string(), name: z.string() })),
  byHour: z.array(figureSchema.extend({ hour: z.number().int() })),
  byDay: z.array(figureSchema.extend({ day: z.string() })),
});
export type HallFiguresView = z.infer<typeof hallFiguresSchema>;

/** 办件的排队记录: the number that brought the case to the window; null when it was not registered from the queue. */
export const caseTicketSchema = z.object({
  ticket: z
    .object({
      number: z.string(),
      serviceName: z.string(),
      windowName: z.string().nullable(),
      issuedAt: z.string(),
      calledAt: z.string().nullable(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      waitingMinutes: z.number().nullable(),
      servingMinutes: z.number().nullable(),
    })
    .nullable(),
});
export type CaseTicket = z.infer<typeof caseTicketSchema>;

export const idSchema = z.object({ id: z.string() });
