// "Today" and deadlines in Vietnam's time zone (Asia/Ho_Chi_Minh), the one place the app decides
// which calendar day it is (issue 11: deadlines compared with the UTC date stayed open until 07:00
// the next morning). Calendar dates (a deadline day, a due day) are stored as UTC midnight of that
// day; moments (now, createdAt) are instants. Pure, no I/O: used by server and client code.
import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";

export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** The moment `now` as Vietnam's wall clock (getFullYear/getDate/getHours read Vietnam time). */
export function inVietnam(now: Date = new Date()): TZDate {
  return new TZDate(now.getTime(), VN_TIME_ZONE);
}

/** Vietnam's calendar day at `now`, as a calendar date (UTC midnight of that day). */
export function todayVN(now: Date = new Date()): Date {
  const vn = inVietnam(now);
  return new Date(Date.UTC(vn.getFullYear(), vn.getMonth(), vn.getDate()));
}

/** Vietnam's calendar day at `now` as "yyyy-mm-dd" (the form the award rules compare). */
export function todayIsoVN(now: Date = new Date()): string {
  return todayVN(now).toISOString().slice(0, 10);
}

/** The last moment (23:59:59.999 Vietnam time) of a calendar day stored as UTC midnight. */
export function endOfDayVN(day: Date): Date {
  const start = new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), VN_TIME_ZONE);
  return new Date(endOfDay(start).getTime());
}

/** A deadline day stays open until the end of that day in Vietnam, not a minute after. */
export function isPastDeadline(deadline: Date, now: Date = new Date()): boolean {
  return now.getTime() > endOfDayVN(deadline).getTime();
}
