// Joint meetings (họp liên tịch), pure rules: the monthly dates a plan's regime gives, the
// minutes workflow, and which tasks are overdue or due for follow-up.

import { todayVN } from "../time";
import { nextWorkingDay as nextWorkingDayOff, type DayRange } from "../holidays/calendar";

export const MEETING_KINDS = ["REGULAR", "DISCIPLINE", "REWARD", "WELFARE", "MOVEMENT", "OTHER"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  REGULAR: "Định kỳ",
  DISCIPLINE: "Bất thường – kỷ luật",
  REWARD: "Bất thường – khen thưởng",
  WELFARE: "Bất thường – đời sống",
  MOVEMENT: "Bất thường – phong trào",
  OTHER: "Bất thường – việc khác",
};

/** What an extraordinary meeting is about, for its default title. */
export const EXTRA_TOPICS: Record<Exclude<MeetingKind, "REGULAR">, string> = {
  DISCIPLINE: "xem xét kỷ luật",
  REWARD: "xét khen thưởng",
  WELFARE: "bàn công tác chăm lo đời sống",
  MOVEMENT: "bàn tổ chức phong trào thi đua",
  OTHER: "bàn công việc đột xuất",
};

export type MeetingStatus = "PLANNED" | "HELD" | "CLOSED" | "CANCELLED";

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: "Dự kiến",
  HELD: "Đang ghi biên bản",
  CLOSED: "Đã chốt biên bản",
  CANCELLED: "Đã hủy",
};

export const ATTENDEE_ROLES = ["PRINCIPAL", "PARTY_SECRETARY", "UNION_CHAIR", "YOUTH_UNION", "PIONEER_LEADER"] as const;
export type FixedAttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const ATTENDEE_ROLE_LABELS: Record<FixedAttendeeRole | "OTHER", string> = {
  PRINCIPAL: "Hiệu trưởng",
  PARTY_SECRETARY: "Bí thư Chi bộ",
  UNION_CHAIR: "Chủ tịch Công đoàn",
  YOUTH_UNION: "Bí thư Chi đoàn",
  PIONEER_LEADER: "Tổng phụ trách Đội",
  OTHER: "Thành phần khác",
};

export const TASK_STATUS_LABELS = { OPEN: "Đang thực hiện", DONE: "Đã hoàn thành", CANCELLED: "Không thực hiện" } as const;

export const MEETING_ACTIONS = ["record", "close", "cancel", "add_task"] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

const FROM: Record<MeetingAction, readonly MeetingStatus[]> = {
  record: ["PLANNED", "HELD"],
  close: ["HELD"],
  cancel: ["PLANNED"],
  add_task: ["PLANNED", "HELD"],
};

/** May minutes be recorded / closed, the meeting cancelled, a task added, in this status? */
export function meetingAllows(status: MeetingStatus, action: MeetingAction): boolean {
  return FROM[action].includes(status);
}

function utcDay(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * A Saturday, Sunday, public holiday or day of the Tết break moves to the next working day
 * ("chuyển sang ngày làm việc kế tiếp"); the holidays come from the calendar (lib/holidays).
 */
export function nextWorkingDay(d: Date, holidays: readonly DayRange[] = []): Date {
  return nextWorkingDayOff(d, holidays);
}

export interface RegularMeeting {
  periodMonth: number;
  scheduledOn: Date;
  title: string;
}

/**
 * The monthly joint meetings of a school year: on `day` of every month from the month the
 * year opens to the month it ends (September–May), moved off weekends, public holidays and the
 * Tết break (`holidays`), never before the opening or after the end.
 */
export function regularMeetings(startsOn: Date, endsOn: Date, day: number, holidays: readonly DayRange[] = []): RegularMeeting[] {
  const out: RegularMeeting[] = [];
  let y = startsOn.getUTCFullYear();
  let m = startsOn.getUTCMonth() + 1;
  const endKey = endsOn.getUTCFullYear() * 100 + endsOn.getUTCMonth() + 1;
  while (y * 100 + m <= endKey) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    let d = nextWorkingDay(utcDay(y, m, Math.min(day, last)), holidays);
    if (d < startsOn) d = nextWorkingDay(startsOn, holidays);
    if (d <= endsOn) out.push({ periodMonth: y * 100 + m, scheduledOn: d, title: `Họp liên tịch tháng ${m}/${y}` });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** An open task past its due date (dates are calendar days, compared in UTC). */
export function isOverdue(task: { status: string; dueOn: Date | null }, today: Date): boolean {
  if (task.status !== "OPEN" || !task.dueOn) return false;
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return task.dueOn.getTime() < t;
}

/**
 * The calendar day the meeting takes (took) place: the day its minutes give (heldAt, a moment, read
 * on Vietnam's calendar), else the day it is scheduled for.
 */
export function meetingDate(m: { scheduledOn: Date; heldAt: Date | null }): Date {
  return m.heldAt ? todayVN(m.heldAt) : m.scheduledOn;
}

/**
 * Minutes are final only once the meeting has taken place: refused before its day (Vietnam's
 * calendar, lib/time.ts). Returns the reason, or null when closing is allowed.
 */
export function closeTooEarly(m: { scheduledOn: Date; heldAt: Date | null }, now = new Date()): string | null {
  const day = meetingDate(m);
  if (todayVN(now).getTime() >= day.getTime()) return null;
  const d = `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/${day.getUTCFullYear()}`;
  return `Cuộc họp diễn ra ngày ${d}: chỉ chốt biên bản từ ngày đó trở đi.`;
}

/** Vietnam's calendar day now, as a UTC-midnight date. */
export function vietnamToday(now = new Date()): Date {
  return todayVN(now);
}

/** "Nguyễn Văn A – Tổ trưởng tổ Khối 3" lines → attendees (name, title). */
export function parseOtherAttendees(text: string | undefined): { name: string; title: string | null }[] {
  if (!text) return [];
  return text
    .split("\n")
    .map((l) => l.replace(/^[-+•*]\s*/, "").trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)\s+[–—-]\s+(.+)$/.exec(l) ?? /^(.*?),\s*(.+)$/.exec(l);
      return m ? { name: m[1].trim(), title: m[2].trim() } : { name: l, title: null };
    });
}
