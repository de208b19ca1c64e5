"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/action";
import { createMemberAction, updateMemberAction } from "@/lib/members/actions";
import { STATUS_LABELS } from "@/lib/members/rules";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";

/** What the form starts with: text as shown (dates dd/mm/yyyy). */
export interface MemberFormValues {
  fullName: string;
  gender: string;
  dateOfBirth: string;
  position: string;
  professionalGroup: string;
  unionGroupId: string;
  email: string;
  phone: string;
  joinedUnionAt: string;
  contractStartAt: string;
  citizenId: string;
  ethnicity: string;
  hometown: string;
  unionCardNumber: string;
  /** "on" when ticked (a checkbox's form value). */
  partyMember: string;
  partyJoinedAt: string;
  status: string;
}

type Props =
  | { mode: "create"; schoolId: string; idempotencyKey: string; groups: { id: string; name: string }[]; cancelHref: string }
  | { mode: "edit"; memberId: string; version: number; initial: MemberFormValues; cancelHref?: string };

const EMPTY: MemberFormValues = { fullName: "", gender: "", dateOfBirth: "", position: "", professionalGroup: "", unionGroupId: "", email: "", phone: "", joinedUnionAt: "", contractStartAt: "", citizenId: "", ethnicity: "", hometown: "", unionCardNumber: "", partyMember: "", partyJoinedAt: "", status: "ACTIVE" };

/**
 * Thêm / sửa đoàn viên. Errors appear beside each field and what was typed is kept. In edit
 * mode the union group and the status are changed by their own explicit forms.
 */
export function MemberForm(props: Props) {
  const [state, formAction] = useActionState(props.mode === "create" ? createMemberAction : updateMemberAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const initial = props.mode === "edit" ? props.initial : EMPTY;
  const fp = (name: keyof MemberFormValues) => fieldProps(name, failed, initial[name]);
  // Selects ignore a changed defaultValue: remount with the returned values after a refusal, and
  // after a save so the fields show the stored record.
  const key = failed ? JSON.stringify(failed.values ?? {}) : props.mode === "edit" ? `v${props.version}` : "new";

  return (
    <form key={key} action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state as ActionState} />
      {props.mode === "create" ? (
        <>
          <input type="hidden" name="schoolId" value={props.schoolId} />
          <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        </>
      ) : (
        <>
          <input type="hidden" name="memberId" value={props.memberId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="fullName" label="Họ và tên" errors={errors?.fullName}>
          <input {...fp("fullName")} required maxLength={120} autoComplete="off" placeholder="Ví dụ: Nguyễn Thị Thanh Tâm" />
        </Field>
        <Field name="gender" label="Giới tính" errors={errors?.gender}>
          <select {...fp("gender")} required>
            <option value="">— Chọn —</option>
            <option value="NAM">Nam</option>
            <option value="NU">Nữ</option>
          </select>
        </Field>
        <Field name="dateOfBirth" label="Ngày sinh" errors={errors?.dateOfBirth}>
          <DateInput bare {...fp("dateOfBirth")} state={null} />
        </Field>
        <Field name="position" label="Chức vụ" errors={errors?.position}>
          <input {...fp("position")} maxLength={100} placeholder="Giáo viên, Kế toán…" />
        </Field>
        <Field name="professionalGroup" label="Tổ chuyên môn" errors={errors?.professionalGroup}>
          <input {...fp("professionalGroup")} maxLength={100} placeholder="Tổ Khối 1–2…" />
        </Field>
        {props.mode === "create" && (
          <Field name="unionGroupId" label="Tổ công đoàn" errors={errors?.unionGroupId}>
            <select {...fp("unionGroupId")}>
              <option value="">— Chưa xếp tổ —</option>
              {props.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field name="email" label="Email" errors={errors?.email}>
          <input {...fp("email")} type="email" maxLength={254} autoComplete="off" inputMode="email" />
        </Field>
        <Field name="phone" label="Số điện thoại" errors={errors?.phone}>
          <input {...fp("phone")} type="tel" maxLength={20} autoComplete="off" />
        </Field>
        <Field name="joinedUnionAt" label="Ngày vào công đoàn" errors={errors?.joinedUnionAt}>
          <DateInput bare {...fp("joinedUnionAt")} state={null} />
        </Field>
        <Field name="contractStartAt" label="Ngày bắt đầu hợp đồng" errors={errors?.contractStartAt}>
          <DateInput bare {...fp("contractStartAt")} state={null} />
        </Field>
        <Field name="citizenId" label="Số CCCD" errors={errors?.citizenId} hint="12 chữ số.">
          <input {...fp("citizenId")} inputMode="numeric" autoComplete="off" maxLength={15} />
        </Field>
        <Field name="unionCardNumber" label="Số thẻ đoàn viên" errors={errors?.unionCardNumber}>
          <input {...fp("unionCardNumber")} autoComplete="off" maxLength={30} />
        </Field>
        <Field name="ethnicity" label="Dân tộc" errors={errors?.ethnicity}>
          <input {...fp("ethnicity")} autoComplete="off" maxLength={50} placeholder="Kinh, Tày, Mường…" />
        </Field>
        <Field name="hometown" label="Quê quán" errors={errors?.hometown}>
          <input {...fp("hometown")} autoComplete="off" maxLength={200} placeholder="Xã/phường, tỉnh/thành phố" />
        </Field>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-700">Đảng viên</span>
          <label className="flex items-center gap-2 py-2 text-sm">
            <input
              type="checkbox"
              id="partyMember"
              name="partyMember"
              defaultChecked={(failed ? failed.values?.partyMember : initial.partyMember) === "on"}
              aria-invalid={errors?.partyMember?.length ? true : undefined}
              aria-describedby="partyMember-error"
              className="h-4 w-4"
            />
            Là đảng viên Đảng Cộng sản Việt Nam
          </label>
          <div id="partyMember-error" aria-live="polite">
            {errors?.partyMember?.map((e) => (
              <p key={e} className="text-sm text-red-700">
                {e}
              </p>
            ))}
          </div>
        </div>
        <Field name="partyJoinedAt" label="Ngày vào Đảng" errors={errors?.partyJoinedAt} hint="Chỉ điền khi là đảng viên.">
          <DateInput bare {...fp("partyJoinedAt")} state={null} />
        </Field>
        {props.mode === "create" && (
          <Field name="status" label="Trạng thái" errors={errors?.status}>
            <select {...fp("status")}>
              {(["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE"] as const).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton>{props.mode === "create" ? "Thêm đoàn viên" : "Lưu thay đổi"}</SubmitButton>
        {props.cancelHref && (
          <Link href={props.cancelHref} className={buttonClass("secondary")}>
            {props.mode === "create" ? "Hủy" : "Quay lại danh sách"}
          </Link>
        )}
      </div>
    </form>
  );
}
