// Demo data only: the published two-step secret of the demo accounts that must use two-step
// sign-in (admin@, congdoan@, congdoan.bs@thidua.test; README "Tài khoản thử nghiệm"). Anyone can
// compute their codes from it (e.g. `npx tsx scripts/totp-code.ts`): never use it outside demo data.
export const DEMO_TOTP_SECRET = "THIDUADEMOTOTPKEYKHONGDUNGTHAT23";

/** How the seed stores it (lib/auth/totp-crypto.ts reads "demo:" secrets). */
export const DEMO_TOTP_STORED = `demo:${DEMO_TOTP_SECRET}`;
