// Expected refusals, each with the Vietnamese message a person sees. Anything else that is
// thrown is a bug: logged on the server, shown as a generic message (app/error.tsx).

export const ERROR_MESSAGES = {
  NOT_FOUND: "Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  CONFLICT: "Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.",
  INVALID: "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.",
  DUPLICATE: "Dữ liệu này đã tồn tại.",
  STATE: "Thao tác không phù hợp với trạng thái hiện tại.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string = ERROR_MESSAGES[code],
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = () => new AppError("FORBIDDEN");
export const conflict = () => new AppError("CONFLICT");
