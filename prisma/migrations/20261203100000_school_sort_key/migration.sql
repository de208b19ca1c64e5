-- Schools in Vietnamese order in the database (issue 11: the upper unit's paged lists sorted
-- schools by name or by the folded "nameSearch", so "Trường … Đông Hòa" came before "Dương Liễu"
-- — Đ folded to d — or after every name in Z in byte order). School names are read word by word
-- from the start (unlike people, who are ordered by given name): vi_text_key is the SQL twin of
-- lib/format.ts vietnameseTextKey (same letters and tones as vi_sort_key, migration
-- 20261202150000; tests/integration/school-sort.int.test.ts compares them). "sortKey" is kept by a
-- trigger so that every writer of School (forms, import, seed) stays right without carrying it,
-- and indexed with the unit so that a page of 3,000 schools is read in order, ties broken by id.
CREATE OR REPLACE FUNCTION vi_text_key(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
DECLARE
  letters text[] := ARRAY['0','1','2','3','4','5','6','7','8','9',
    'a', U&'a\0306', U&'a\0302', 'b', 'c', 'd', U&'\0111', 'e', U&'e\0302', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
    'o', U&'o\0302', U&'o\031b', 'p', 'q', 'r', 's', 't', 'u', U&'u\031b', 'v', 'w', 'x', 'y', 'z'];
  s text := normalize(btrim(regexp_replace(normalize(t, NFC), '\s+', ' ', 'g')), NFD);
  ch text;
  base text := '';
  modifier text := '';
  tone int := 0;
  k int;
  wp text := '';
  wt text := '';
  ps text[] := ARRAY[]::text[];
  ts text[] := ARRAY[]::text[];
  i int;
BEGIN
  FOR i IN 1..length(s) + 1 LOOP
    ch := CASE WHEN i > length(s) THEN ' ' ELSE substr(s, i, 1) END;
    IF ch IN (U&'\0300', U&'\0309', U&'\0303', U&'\0301', U&'\0323') THEN
      IF base <> '' THEN
        tone := CASE ch WHEN U&'\0300' THEN 1 WHEN U&'\0309' THEN 2 WHEN U&'\0303' THEN 3 WHEN U&'\0301' THEN 4 ELSE 5 END;
      END IF;
    ELSIF ch IN (U&'\0306', U&'\0302', U&'\031b') THEN
      IF base <> '' THEN modifier := ch; END IF;
    ELSE
      IF base <> '' THEN
        k := coalesce(array_position(letters, base || modifier), array_position(letters, base)) + 1;
        wp := wp || chr(97 + k / 26) || chr(97 + k % 26);
        wt := wt || chr(97 + tone);
        base := ''; modifier := ''; tone := 0;
      END IF;
      IF ch = ' ' THEN
        IF wp <> '' THEN ps := ps || wp; ts := ts || wt; END IF;
        wp := ''; wt := '';
      ELSE
        IF ch = U&'\0110' THEN ch := U&'\0111';
        ELSIF ascii(ch) BETWEEN 65 AND 90 THEN ch := chr(ascii(ch) + 32);
        END IF;
        IF array_position(letters, ch) IS NOT NULL THEN base := ch; END IF;
      END IF;
    END IF;
  END LOOP;
  RETURN array_to_string(ps, 'ab') || 'aa' || array_to_string(ts, '');
END
$fn$;

ALTER TABLE "School" ADD COLUMN "sortKey" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION school_sort_key() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."sortKey" := vi_text_key(NEW."name");
  RETURN NEW;
END
$fn$;

CREATE TRIGGER school_sort_key
BEFORE INSERT OR UPDATE OF "name", "sortKey" ON "School"
FOR EACH ROW EXECUTE FUNCTION school_sort_key();

UPDATE "School" SET "sortKey" = vi_text_key("name");

CREATE INDEX "School_unionUnitId_sortKey_id_idx" ON "School"("unionUnitId", "sortKey", "id");
CREATE INDEX "School_sortKey_id_idx" ON "School"("sortKey", "id");
