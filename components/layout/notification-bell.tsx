"use client";
// The header's "Thông báo" button: a badge with the unread count, opening a panel with the unread
// notices (date, link, "Đánh dấu đã đọc"), "Đánh dấu tất cả đã đọc" and the compact "Việc đang chờ"
// list. Keyboard: the button toggles, focus moves into the panel, Escape closes and returns focus
// to the button; a click outside closes. On a phone the panel spans the screen under the top bar. The layout re-renders after each action (revalidation),
// so the badge and the list follow.
import Link from "next/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import type { NotificationItem, WaitingItem } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/format";

function MarkButton({ children, className }: { children: React.ReactNode; className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? "Đang lưu…" : children}
    </button>
  );
}

function MarkReadForm({ item }: { item: NotificationItem }) {
  const [state, action] = useActionState(markNotificationReadAction, null);
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="id" value={item.id} />
      <MarkButton className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:text-slate-400">Đánh dấu đã đọc</MarkButton>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

function MarkAllForm() {
  const [state, action] = useActionState(markAllNotificationsReadAction, null);
  return (
    <form action={action}>
      <MarkButton className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:text-slate-400">Đánh dấu tất cả đã đọc</MarkButton>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export interface BellProps {
  items: NotificationItem[];
  unread: number;
  waiting: WaitingItem[];
  /** Names of the viewer's schools and units, shown beside a count when there are several. */
  places: Record<string, string>;
}

export function NotificationBell({ items, unread, waiting, places }: BellProps) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const headingId = useId();
  const todo = waiting.filter((w) => w.count > 0);
  const todoTotal = todo.reduce((n, w) => n + w.count, 0);
  const manyPlaces = new Set(todo.map((w) => w.placeId).filter(Boolean)).size > 1;

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  // A line marked read disappears with its button: keep keyboard focus inside the panel.
  useEffect(() => {
    if (open && (!document.activeElement || document.activeElement === document.body)) heading.current?.focus();
  }, [open, items, unread]);

  return (
    <div ref={wrapper} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M10 2a6 6 0 0 0-6 6v3.59l-1.7 1.7A1 1 0 0 0 3 15h14a1 1 0 0 0 .7-1.7L16 11.58V8a6 6 0 0 0-6-6Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
        </svg>
        Thông báo
        {unread > 0 && (
          <span data-testid="notification-count" className="min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold leading-5 text-white">
            <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
            <span className="sr-only">, {unread} chưa đọc</span>
          </span>
        )}
        {unread === 0 && todoTotal > 0 && <span className="sr-only">, {todoTotal} việc đang chờ</span>}
        {unread === 0 && todoTotal > 0 && <span aria-hidden="true" className="h-2 w-2 rounded-full bg-amber-500" />}
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-modal="false"
          aria-labelledby={headingId}
          className="fixed inset-x-3 top-14 z-50 rounded-lg border border-slate-200 bg-white text-left shadow-lg lg:absolute lg:inset-x-auto lg:top-full lg:right-0 lg:mt-2 lg:w-[26rem]"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
            <h2 id={headingId} ref={heading} tabIndex={-1} className="text-sm font-semibold text-slate-800 focus:outline-none">
              Thông báo {unread > 0 ? `(${unread} chưa đọc)` : ""}
            </h2>
            {items.length > 0 && <MarkAllForm />}
          </div>
          <div className="max-h-[60vh] overflow-y-auto">
            {items.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-500">Không có thông báo mới.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {items.map((n) => (
                  <li key={`${n.kind}:${n.id}`} className="flex items-start gap-2 px-4 py-2 text-sm">
                    <div className="min-w-0 flex-1">
                      <Link href={n.link} onClick={() => setOpen(false)} className="text-slate-800 hover:text-brand-700 hover:underline">
                        {n.message}
                      </Link>
                      <div className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</div>
                    </div>
                    <MarkReadForm item={n} />
                  </li>
                ))}
              </ul>
            )}
            {unread > items.length && <p className="px-4 pb-2 text-xs text-slate-500">Và {unread - items.length} thông báo cũ hơn.</p>}
            <section aria-label="Việc đang chờ" className="border-t border-slate-100 px-4 py-2">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Việc đang chờ</h3>
              {todo.length === 0 ? (
                <p className="py-1 text-sm text-slate-500">Không có việc nào đang chờ.</p>
              ) : (
                <ul className="py-1">
                  {todo.map((w) => (
                    <li key={w.key}>
                      <Link href={w.href} onClick={() => setOpen(false)} className="flex items-center justify-between gap-2 rounded px-1 py-1 text-sm text-slate-700 hover:bg-slate-50">
                        <span>
                          {w.label}
                          {manyPlaces && w.placeId && places[w.placeId] ? <span className="text-slate-500"> · {places[w.placeId]}</span> : null}
                        </span>
                        <span className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-800">{w.count}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
