// Starting points for the scale builder, taken from DOMAIN.md §4 [practice]: the 100-point scale
// with bonus ≤ 10, itemised deductions, disqualifiers and bands with group floors; and the
// "start at 750, deduct monthly" shape with ranks A+/A/B/C. Values in tenths.
import type { Criterion, ScaleDefinition } from "./scale";

const c = (key: string, name: string, points: number, evidenceRequired = false): Criterion => ({ key, name, max: points * 10, evidenceRequired, type: "POINTS" });

/** Biểu điểm 100 điểm: 7 nhóm (15/15/15/25/10/10/10), cộng tối đa 10, trừ theo lần, loại trừ. */
export const TEMPLATE_100: ScaleDefinition = {
  kind: "ADDITIVE",
  periodKind: "SEMESTER",
  aggregation: "AVERAGE",
  notApplicable: "RESCALE",
  exempt: "FULL_CREDIT",
  basis: "Quy chế thi đua, khen thưởng của nhà trường; Nghị quyết Hội nghị viên chức, người lao động.",
  groups: [
    {
      key: "dao_duc",
      name: "Phẩm chất chính trị, đạo đức, lối sống",
      max: 150,
      criteria: [
        c("dd_phap_luat", "Chấp hành chủ trương, chính sách, pháp luật", 5),
        c("dd_nha_giao", "Đạo đức nhà giáo, ứng xử văn hóa", 5),
        c("dd_doan_ket", "Đoàn kết, giúp đỡ đồng nghiệp", 5),
      ],
    },
    {
      key: "ky_luat",
      name: "Chấp hành kỷ luật, ngày giờ công",
      max: 150,
      criteria: [
        c("kl_ngay_cong", "Đảm bảo ngày giờ công", 5),
        c("kl_noi_quy", "Chấp hành nội quy, quy chế cơ quan", 5),
        c("kl_dung_han", "Hoàn thành nhiệm vụ được giao đúng hạn", 5),
      ],
    },
    {
      key: "quy_che",
      name: "Thực hiện quy chế chuyên môn",
      max: 150,
      criteria: [
        c("qc_ho_so", "Hồ sơ, sổ sách chuyên môn", 5, true),
        c("qc_soan_giang", "Soạn giảng, kiểm tra đánh giá đúng quy định", 5),
        c("qc_sinh_hoat", "Dự giờ, sinh hoạt chuyên môn", 5),
      ],
    },
    {
      key: "chat_luong",
      name: "Chất lượng giảng dạy, giáo dục",
      max: 250,
      criteria: [
        c("cl_gio_day", "Chất lượng giờ dạy (dự giờ, thao giảng)", 10, true),
        c("cl_ket_qua", "Kết quả học tập, rèn luyện của học sinh", 10),
        c("cl_doi_moi", "Đổi mới phương pháp, ứng dụng công nghệ thông tin", 5),
      ],
    },
    {
      key: "chu_nhiem",
      name: "Công tác chủ nhiệm",
      max: 100,
      criteria: [
        c("cn_lop", "Quản lý lớp, nền nếp học sinh", 5),
        c("cn_phu_huynh", "Phối hợp với cha mẹ học sinh", 5),
      ],
    },
    {
      key: "tu_hoc",
      name: "Tự học, sáng kiến",
      max: 100,
      criteria: [
        c("th_boi_duong", "Bồi dưỡng thường xuyên, tự học", 5, true),
        c("th_sang_kien", "Sáng kiến, đề tài, đồ dùng dạy học", 5, true),
      ],
    },
    {
      key: "phong_trao",
      name: "Tham gia phong trào, hoạt động đoàn thể",
      max: 100,
      criteria: [
        c("pt_thi_dua", "Phong trào thi đua của trường, ngành", 5),
        c("pt_cong_doan", "Hoạt động công đoàn, đoàn thể", 5),
      ],
    },
  ],
  deductions: [
    { key: "vang_khong_phep", name: "Nghỉ không phép (mỗi ngày)", points: 50 },
    { key: "di_muon", name: "Đi muộn, về sớm (mỗi lần)", points: 20 },
    { key: "cham_ho_so", name: "Nộp hồ sơ, báo cáo chậm (mỗi lần)", points: 10 },
  ],
  bonusCap: 100,
  bonus: [
    { key: "gv_gioi", name: "Giáo viên dạy giỏi cấp huyện trở lên", max: 50 },
    { key: "hs_giai", name: "Học sinh đạt giải do giáo viên bồi dưỡng", max: 50 },
    { key: "sk_cong_nhan", name: "Sáng kiến được công nhận", max: 50 },
    { key: "xa_hoi", name: "Hoạt động xã hội, từ thiện", max: 30 },
  ],
  disqualifiers: [
    { key: "ky_luat", name: "Bị kỷ luật trong kỳ" },
    { key: "day_them", name: "Vi phạm quy định về dạy thêm, học thêm" },
    { key: "phap_luat", name: "Vi phạm pháp luật" },
  ],
  bands: [
    { key: "xuat_sac", label: "Xuất sắc", min: 900, applyGroupFloors: true, groupFloorPercent: 70 },
    { key: "tot", label: "Tốt", min: 800, applyGroupFloors: false },
    { key: "kha", label: "Khá", min: 650, applyGroupFloors: false },
  ],
  unrankedLabel: "Không xếp loại",
};

/** Khởi đầu 750 điểm, trừ dần hằng tháng; xếp hạng A+/A/B/C. */
export const TEMPLATE_750: ScaleDefinition = {
  kind: "DEDUCT_FROM_START",
  start: 7500,
  periodKind: "MONTH",
  aggregation: "SUM",
  notApplicable: "RESCALE",
  exempt: "FULL_CREDIT",
  groups: [],
  deductions: [
    { key: "di_muon", name: "Đi muộn, về sớm (mỗi lần)", points: 50 },
    { key: "vang_khong_phep", name: "Nghỉ không phép (mỗi buổi)", points: 200 },
    { key: "cham_ho_so", name: "Chậm hồ sơ, báo cáo (mỗi lần)", points: 100 },
    { key: "vi_pham_chuyen_mon", name: "Vi phạm quy chế chuyên môn (mỗi lần)", points: 200 },
  ],
  bonusCap: 300,
  bonus: [{ key: "thanh_tich", name: "Thành tích nổi bật trong tháng", max: 300 }],
  disqualifiers: [{ key: "ky_luat", name: "Bị kỷ luật trong kỳ" }],
  bands: [
    { key: "a_plus", label: "A+", min: 7400, applyGroupFloors: false },
    { key: "a", label: "A", min: 7000, applyGroupFloors: false },
    { key: "b", label: "B", min: 6000, applyGroupFloors: false },
    { key: "c", label: "C", min: 5000, applyGroupFloors: false },
  ],
  unrankedLabel: "Không xếp loại",
};

/**
 * A blank scale (issue 11: a school whose scale fits no template builds its own): the smallest
 * scale the checks accept — one group with one criterion, one band, nothing else — for the chair
 * to rename and fill in the builder.
 */
export const BLANK_SCALE: ScaleDefinition = {
  kind: "ADDITIVE",
  periodKind: "SEMESTER",
  aggregation: "AVERAGE",
  notApplicable: "RESCALE",
  exempt: "FULL_CREDIT",
  groups: [{ key: "nhom_1", name: "Nhóm tiêu chí 1", max: 100, criteria: [c("tieu_chi_1", "Tiêu chí 1", 10)] }],
  deductions: [],
  bonusCap: 0,
  bonus: [],
  disqualifiers: [],
  bands: [{ key: "dat", label: "Đạt", min: 50, applyGroupFloors: false }],
  unrankedLabel: "Không xếp loại",
};

export const TEMPLATES = {
  "100": { label: "Biểu điểm 100 điểm (7 nhóm, cộng ≤ 10, trừ theo lần)", definition: TEMPLATE_100 },
  "750": { label: "Khởi đầu 750 điểm, trừ dần hằng tháng (A+/A/B/C)", definition: TEMPLATE_750 },
} as const;
export type TemplateKey = keyof typeof TEMPLATES;
