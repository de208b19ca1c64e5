"use client";
import { useState, useSyncExternalStore } from "react";

// The per-render key of a create form: <SubmissionKey after={state} /> inside the <form>. The
// same rendered form sent twice (double click, a replayed request, back and resubmit) carries
// the same key, and the server creates one record (lib/server/submission.ts). A new key is
// drawn when the form's action state changes, i.e. after each answer, so the next entry in the
// same form (another comment, another file) is a new submission.
// The key exists only in the browser: the server renders no input (no hydration mismatch); a
// form sent before hydration goes without a key and is created normally.

const noSubscribe = () => () => {};

/** 128 random bits as hex (getRandomValues also works on plain-http LAN addresses, randomUUID does not). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function SubmissionKey({ after, name = "submissionKey" }: { after?: unknown; name?: string }) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [current, setCurrent] = useState(() => ({ after, key: newKey() }));
  // A new answer from the server: the next submit is a new one (React's "adjust state on a prop change").
  if (current.after !== after) setCurrent({ after, key: newKey() });
  if (!hydrated) return null;
  return <input type="hidden" name={name} value={current.key} />;
}
