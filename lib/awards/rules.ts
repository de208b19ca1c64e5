// The rules engine (DOMAIN.md §6), pure functions over plain data returning verdicts with reasons.
// One entry point; the rules live by subject in the files re-exported here:
//   rules-individual.ts  rules 1–6   (LĐTT, CSTĐCS, chains, Bằng khen TLĐ, open cases, one award)
//   rules-collective.ts  rules 7–11  (TT LĐTT, TT LĐXS, caps, quotas)
//   rules-council.ts     rules 12–13 (odd count, quorum, ballots); rule 14 is the scoring seal (docs/decisions/0007)
//   rules-dossier.ts     rules 15–16 (dossier, submission gate, revocation)
//   workflow.ts          the nomination state machines
// Thresholds come from settings.ts (rows with legal basis and validity), never from here.
export * from "./verdict";
export * from "./facts";
export * from "./rules-individual";
export * from "./rules-collective";
export * from "./rules-council";
export * from "./rules-dossier";
export * from "./workflow";
