-- Records that cannot be rewritten (issue 10, docs/decisions/0006-immutable-records-and-audit-anchor.md).
--
-- One generic trigger function, refuse_decided(), replaces the eight per-table copies of the
-- earlier migrations. Every decided, signed, sealed or closed row refuses UPDATE and DELETE
-- (row triggers) and its table refuses TRUNCATE while it holds such a row (statement triggers:
-- row triggers do not fire on TRUNCATE, and TRUNCATE … CASCADE fires the TRUNCATE triggers of
-- every table it reaches). Trigger names of the earlier migrations are kept.
--
-- Arguments (TG_ARGV), all text:
--   [0] label    what the row is, for the message ("signed", "closed", "append-only"…)
--   [1] decided  SQL condition over "r" (a stored row) that marks it decided; 'true' = every row
--   [2] mode     'old' (default): UPDATE/DELETE of a decided row are refused;
--                'old+new': also INSERT or UPDATE whose new row meets the condition (the
--                content of a decided parent: nothing may be added to a signed plan)
--   [3] allowed  optional SQL condition over "r" (old row) and "n" (new row): an UPDATE of a
--                decided row that is part of the workflow (e.g. DECIDED → REVOKED)
-- The conditions are fixed text written here, never user input; they are run with EXECUTE on
-- the row passed as a parameter: SELECT <cond> FROM (SELECT ($1).*) r.
CREATE FUNCTION refuse_decided() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  label   TEXT := TG_ARGV[0];
  decided TEXT := coalesce(nullif(TG_ARGV[1], ''), 'true');
  mode    TEXT := coalesce(nullif(TG_ARGV[2], ''), 'old');
  allowed TEXT := nullif(TG_ARGV[3], '');
  hit     BOOLEAN;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    IF decided = 'true' THEN
      hit := true;
    ELSE
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I r WHERE %s)', TG_TABLE_SCHEMA, TG_TABLE_NAME, decided) INTO hit;
    END IF;
    IF hit THEN
      RAISE EXCEPTION '% holds rows that are % and cannot be changed (% refused)', TG_TABLE_NAME, label, TG_OP USING ERRCODE = 'P0001';
    END IF;
    RETURN NULL;
  END IF;

  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF decided = 'true' THEN
      hit := true;
    ELSE
      EXECUTE format('SELECT coalesce((%s), false) FROM (SELECT ($1).*) r', decided) INTO hit USING OLD;
    END IF;
    IF hit AND TG_OP = 'UPDATE' AND allowed IS NOT NULL THEN
      EXECUTE format('SELECT coalesce((%s), false) FROM (SELECT ($1).*) r, (SELECT ($2).*) n', allowed) INTO hit USING OLD, NEW;
      hit := NOT hit;
    END IF;
    IF hit THEN
      RAISE EXCEPTION '% % is % and cannot be changed (% refused)', TG_TABLE_NAME, coalesce(to_jsonb(OLD) ->> 'id', ''), label, TG_OP USING ERRCODE = 'P0001';
    END IF;
  END IF;

  IF TG_OP IN ('INSERT', 'UPDATE') AND mode = 'old+new' THEN
    EXECUTE format('SELECT coalesce((%s), false) FROM (SELECT ($1).*) r', decided) INTO hit USING NEW;
    IF hit THEN
      RAISE EXCEPTION '% cannot be written: it would be % (% refused)', TG_TABLE_NAME, label, TG_OP USING ERRCODE = 'P0001';
    END IF;
  END IF;

  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- The per-table copies go; their triggers are recreated below on the generic function.
DROP TRIGGER plan_signed_immutable ON "CoordinationPlan";
DROP TRIGGER plan_section_immutable ON "PlanSection";
DROP TRIGGER plan_item_immutable ON "PlanCalendarItem";
DROP TRIGGER plan_target_immutable ON "PlanTarget";
DROP TRIGGER plan_comment_immutable ON "PlanComment";
DROP TRIGGER meeting_closed_immutable ON "JointMeeting";
DROP TRIGGER meeting_attendee_immutable ON "MeetingAttendee";
DROP TRIGGER audit_no_update ON "AuditLog";
DROP TRIGGER audit_no_truncate ON "AuditLog";
DROP TRIGGER award_decision_immutable ON "AwardDecision";
DROP TRIGGER award_decision_no_truncate ON "AwardDecision";
DROP TRIGGER award_immutable ON "Award";
DROP TRIGGER award_no_truncate ON "Award";
DROP TRIGGER decision_revocation_immutable ON "DecisionRevocation";
DROP TRIGGER decision_revocation_no_truncate ON "DecisionRevocation";
DROP TRIGGER council_meeting_closed_immutable ON "CouncilMeeting";
DROP TRIGGER council_attendance_closed_immutable ON "CouncilAttendance";
DROP TRIGGER council_vote_closed_immutable ON "CouncilVote";
DROP TRIGGER sealed_snapshot_immutable ON "SealedSnapshot";
DROP TRIGGER sealed_snapshot_no_truncate ON "SealedSnapshot";
DROP TRIGGER score_amendment_immutable ON "ScoreAmendment";
DROP TRIGGER score_amendment_no_truncate ON "ScoreAmendment";
DROP TRIGGER scale_version_locked ON "ScaleVersion";
DROP FUNCTION plan_signed_refuse();
DROP FUNCTION plan_content_refuse();
DROP FUNCTION meeting_closed_refuse();
DROP FUNCTION meeting_attendee_refuse();
DROP FUNCTION audit_refuse();
DROP FUNCTION award_record_refuse();
DROP FUNCTION council_meeting_closed_refuse();
DROP FUNCTION scoring_refuse_change();
DROP FUNCTION scale_version_locked();

-- Append-only tables: every row is decided.
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_decided('append-only', 'true');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('append-only', 'true');
CREATE TRIGGER sealed_snapshot_immutable BEFORE UPDATE OR DELETE ON "SealedSnapshot" FOR EACH ROW EXECUTE FUNCTION refuse_decided('sealed', 'true');
CREATE TRIGGER sealed_snapshot_no_truncate BEFORE TRUNCATE ON "SealedSnapshot" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('sealed', 'true');
CREATE TRIGGER score_amendment_immutable BEFORE UPDATE OR DELETE ON "ScoreAmendment" FOR EACH ROW EXECUTE FUNCTION refuse_decided('sealed (an amendment)', 'true');
CREATE TRIGGER score_amendment_no_truncate BEFORE TRUNCATE ON "ScoreAmendment" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('sealed (an amendment)', 'true');
CREATE TRIGGER award_decision_immutable BEFORE UPDATE OR DELETE ON "AwardDecision" FOR EACH ROW EXECUTE FUNCTION refuse_decided('an issued decision (immutable)', 'true');
CREATE TRIGGER award_decision_no_truncate BEFORE TRUNCATE ON "AwardDecision" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('an issued decision (immutable)', 'true');
CREATE TRIGGER award_immutable BEFORE UPDATE OR DELETE ON "Award" FOR EACH ROW EXECUTE FUNCTION refuse_decided('an issued award (immutable)', 'true');
CREATE TRIGGER award_no_truncate BEFORE TRUNCATE ON "Award" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('an issued award (immutable)', 'true');
CREATE TRIGGER decision_revocation_immutable BEFORE UPDATE OR DELETE ON "DecisionRevocation" FOR EACH ROW EXECUTE FUNCTION refuse_decided('a revocation (immutable)', 'true');
CREATE TRIGGER decision_revocation_no_truncate BEFORE TRUNCATE ON "DecisionRevocation" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('a revocation (immutable)', 'true');

-- Signed coordination plans and their content. Signing (SUBMITTED → SIGNED) updates a row that
-- was not signed yet, so it passes; corrections are amendments (a new plan row, amendsId).
-- Comments may still be added to a signed plan (as before), never changed or removed.
CREATE TRIGGER plan_signed_immutable BEFORE UPDATE OR DELETE ON "CoordinationPlan" FOR EACH ROW EXECUTE FUNCTION refuse_decided('signed', 'r."status" = ''SIGNED''');
CREATE TRIGGER plan_signed_no_truncate BEFORE TRUNCATE ON "CoordinationPlan" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('signed', 'r."status" = ''SIGNED''');
CREATE TRIGGER plan_section_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanSection" FOR EACH ROW EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')', 'old+new');
CREATE TRIGGER plan_section_no_truncate BEFORE TRUNCATE ON "PlanSection" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')');
CREATE TRIGGER plan_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanCalendarItem" FOR EACH ROW EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')', 'old+new');
CREATE TRIGGER plan_item_no_truncate BEFORE TRUNCATE ON "PlanCalendarItem" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')');
CREATE TRIGGER plan_target_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanTarget" FOR EACH ROW EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')', 'old+new');
CREATE TRIGGER plan_target_no_truncate BEFORE TRUNCATE ON "PlanTarget" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('part of a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')');
CREATE TRIGGER plan_comment_immutable BEFORE UPDATE OR DELETE ON "PlanComment" FOR EACH ROW EXECUTE FUNCTION refuse_decided('a comment on a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')');
CREATE TRIGGER plan_comment_no_truncate BEFORE TRUNCATE ON "PlanComment" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('a comment on a signed plan', 'EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = r."planId" AND p."status" = ''SIGNED'')');

-- Closed joint-meeting minutes and their attendees. Tasks stay open to follow-up.
CREATE TRIGGER meeting_closed_immutable BEFORE UPDATE OR DELETE ON "JointMeeting" FOR EACH ROW EXECUTE FUNCTION refuse_decided('closed', 'r."status" = ''CLOSED''');
CREATE TRIGGER meeting_closed_no_truncate BEFORE TRUNCATE ON "JointMeeting" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('closed', 'r."status" = ''CLOSED''');
CREATE TRIGGER meeting_attendee_immutable BEFORE INSERT OR UPDATE OR DELETE ON "MeetingAttendee" FOR EACH ROW EXECUTE FUNCTION refuse_decided('an attendee of closed minutes', 'EXISTS (SELECT 1 FROM "JointMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')', 'old+new');
CREATE TRIGGER meeting_attendee_no_truncate BEFORE TRUNCATE ON "MeetingAttendee" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('an attendee of closed minutes', 'EXISTS (SELECT 1 FROM "JointMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')');

-- A closed council meeting is the minutes (biên bản): the meeting, its attendance and ballots.
CREATE TRIGGER council_meeting_closed_immutable BEFORE UPDATE OR DELETE ON "CouncilMeeting" FOR EACH ROW EXECUTE FUNCTION refuse_decided('closed', 'r."status" = ''CLOSED''');
CREATE TRIGGER council_meeting_no_truncate BEFORE TRUNCATE ON "CouncilMeeting" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('closed', 'r."status" = ''CLOSED''');
CREATE TRIGGER council_attendance_closed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "CouncilAttendance" FOR EACH ROW EXECUTE FUNCTION refuse_decided('attendance of a closed council meeting', 'EXISTS (SELECT 1 FROM "CouncilMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')', 'old+new');
CREATE TRIGGER council_attendance_no_truncate BEFORE TRUNCATE ON "CouncilAttendance" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('attendance of a closed council meeting', 'EXISTS (SELECT 1 FROM "CouncilMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')');
CREATE TRIGGER council_vote_closed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "CouncilVote" FOR EACH ROW EXECUTE FUNCTION refuse_decided('a ballot of a closed council meeting', 'EXISTS (SELECT 1 FROM "CouncilMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')', 'old+new');
CREATE TRIGGER council_vote_no_truncate BEFORE TRUNCATE ON "CouncilVote" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('a ballot of a closed council meeting', 'EXISTS (SELECT 1 FROM "CouncilMeeting" m WHERE m."id" = r."meetingId" AND m."status" = ''CLOSED'')');

-- A nominee whose award was issued and stands (status DECIDED, or an Award names it whose decision
-- is not revoked) is frozen. The workflow's own moves stay possible and change nothing but
-- status/version: APPROVED(_CHANGED) or REVOKED → DECIDED inside issueDecision (the new Award row
-- is written first), and DECIDED → REVOKED once every decision awarding it has a
-- DecisionRevocation. A revoked nominee is no longer frozen (issue 12: it may be decided again;
-- its old Award stays, revoked).
CREATE TRIGGER nomination_item_decided_immutable BEFORE UPDATE OR DELETE ON "NominationItem" FOR EACH ROW EXECUTE FUNCTION refuse_decided(
  'decided (an award was issued)',
  'r."status" = ''DECIDED'' OR EXISTS (SELECT 1 FROM "Award" a WHERE a."nominationItemId" = r."id" AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId"))',
  'old',
  '(to_jsonb(n) - ''status'' - ''version'' - ''updatedAt'') = (to_jsonb(r) - ''status'' - ''version'' - ''updatedAt'')
   AND ((r."status" IN (''APPROVED'', ''APPROVED_CHANGED'', ''REVOKED'') AND n."status" = ''DECIDED'')
     OR (r."status" = ''DECIDED'' AND n."status" = ''REVOKED''
         AND NOT EXISTS (SELECT 1 FROM "Award" a WHERE a."nominationItemId" = r."id" AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId"))))');
CREATE TRIGGER nomination_item_decided_no_truncate BEFORE TRUNCATE ON "NominationItem" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided(
  'decided (an award was issued)',
  'r."status" = ''DECIDED'' OR EXISTS (SELECT 1 FROM "Award" a WHERE a."nominationItemId" = r."id" AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId"))');

-- An adopted scale version is locked (content, adoption record, identity); other columns may move.
CREATE TRIGGER scale_version_locked BEFORE UPDATE OR DELETE ON "ScaleVersion" FOR EACH ROW EXECUTE FUNCTION refuse_decided(
  'adopted and locked',
  'r."adoptedAt" IS NOT NULL',
  'old',
  '(n."definition", n."checksum", n."adoptedOn", n."resolutionNo", n."adoptedAt", n."adoptedById", n."number", n."scaleId")
     IS NOT DISTINCT FROM (r."definition", r."checksum", r."adoptedOn", r."resolutionNo", r."adoptedAt", r."adoptedById", r."number", r."scaleId")');
CREATE TRIGGER scale_version_no_truncate BEFORE TRUNCATE ON "ScaleVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('adopted and locked', 'r."adoptedAt" IS NOT NULL');

-- A closed scoring period: the period, its sheets and their stage scores. Rows may still be
-- inserted (the demo data writes a closed period's sheets after the period). A council score is
-- changed after closing only by amendStage, which writes a ScoreAmendment with the new numbers
-- in the same transaction after updating the stage: so the stage UPDATE check runs at commit
-- (a deferred constraint trigger) and accepts the change only when such an amendment exists.
CREATE TRIGGER score_period_closed_immutable BEFORE UPDATE OR DELETE ON "ScorePeriod" FOR EACH ROW EXECUTE FUNCTION refuse_decided('closed', 'r."state" = ''CLOSED''');
CREATE TRIGGER score_period_no_truncate BEFORE TRUNCATE ON "ScorePeriod" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('closed', 'r."state" = ''CLOSED''');
CREATE TRIGGER score_sheet_closed_immutable BEFORE UPDATE OR DELETE ON "ScoreSheet" FOR EACH ROW EXECUTE FUNCTION refuse_decided('a sheet of a closed scoring period', 'EXISTS (SELECT 1 FROM "ScorePeriod" p WHERE p."id" = r."periodId" AND p."state" = ''CLOSED'')');
CREATE TRIGGER score_sheet_no_truncate BEFORE TRUNCATE ON "ScoreSheet" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('a sheet of a closed scoring period', 'EXISTS (SELECT 1 FROM "ScorePeriod" p WHERE p."id" = r."periodId" AND p."state" = ''CLOSED'')');
CREATE TRIGGER score_stage_closed_no_delete BEFORE DELETE ON "ScoreStage" FOR EACH ROW EXECUTE FUNCTION refuse_decided('a score of a closed scoring period', 'EXISTS (SELECT 1 FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p."id" = s."periodId" WHERE s."id" = r."sheetId" AND p."state" = ''CLOSED'')');
CREATE CONSTRAINT TRIGGER score_stage_closed_immutable AFTER UPDATE ON "ScoreStage" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_decided(
  'a score of a closed scoring period',
  'EXISTS (SELECT 1 FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p."id" = s."periodId" WHERE s."id" = r."sheetId" AND p."state" = ''CLOSED'')',
  'old',
  'n."id" = r."id" AND n."sheetId" = r."sheetId" AND n."stage" = r."stage" AND n."stage" = ''COUNCIL''
   AND EXISTS (SELECT 1 FROM "ScoreAmendment" a WHERE a."sheetId" = n."sheetId" AND a."stage" = n."stage"
     AND a.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text
     AND a."after" -> ''data'' = n."data" AND (a."after" ->> ''total'')::int = n."totalTenths")');
CREATE TRIGGER score_stage_no_truncate BEFORE TRUNCATE ON "ScoreStage" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('a score of a closed scoring period', 'EXISTS (SELECT 1 FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p."id" = s."periodId" WHERE s."id" = r."sheetId" AND p."state" = ''CLOSED'')');

-- The audit anchor (lib/audit/anchor.ts): the HMAC of each audit row's hash under a key the
-- database does not hold, written by the app in the same transaction as the row. Append-only.
CREATE TABLE "AuditSeal" (
    "auditId" BIGINT NOT NULL,
    "mac" TEXT NOT NULL,
    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("auditId")
);
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON "AuditSeal" FOR EACH ROW EXECUTE FUNCTION refuse_decided('append-only', 'true');
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON "AuditSeal" FOR EACH STATEMENT EXECUTE FUNCTION refuse_decided('append-only', 'true');
