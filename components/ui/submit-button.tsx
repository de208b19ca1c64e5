"use client";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that disables itself while the form is sending (no double submit). */
export function SubmitButton({ children, pendingText = "Đang lưu…", variant }: { children: React.ReactNode; pendingText?: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} variant={variant}>
      {pending ? pendingText : children}
    </Button>
  );
}
