-- Vietnamese collation for Member."sortKey" (issue 11): Đ is its own letter after D, ă/â after a,
-- ê after e, ô/ơ after o, ư after u, and tones break ties in the order ngang, huyền, hỏi, ngã,
-- sắc, nặng. The key is plain ASCII, so ORDER BY "sortKey" is the same under the C collation
-- of PostgreSQL and of PGlite (which has no ICU). The app writes the key (lib/format.ts
-- vietnameseSortKey); vi_sort_key below is the same function in SQL, used here to rewrite the
-- keys written by the older folding and kept for checks (tests/unit/format-collation.test.ts).
CREATE OR REPLACE FUNCTION vi_sort_key(full_name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
DECLARE
  letters text[] := ARRAY['0','1','2','3','4','5','6','7','8','9',
    'a', U&'a\0306', U&'a\0302', 'b', 'c', 'd', U&'\0111', 'e', U&'e\0302', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
    'o', U&'o\0302', U&'o\031b', 'p', 'q', 'r', 's', 't', 'u', U&'u\031b', 'v', 'w', 'x', 'y', 'z'];
  s text := normalize(btrim(regexp_replace(normalize(full_name, NFC), '\s+', ' ', 'g')), NFD);
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
      -- a new letter, a space or another character: write the pending letter
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
  RETURN coalesce(ps[cardinality(ps)], '') || 'aa' || coalesce(ts[cardinality(ts)], '')
      || array_to_string(ps, 'ab') || 'aa' || array_to_string(ts, '');
END
$fn$;

UPDATE "Member" SET "sortKey" = vi_sort_key("fullName");
