-- 現住所 (都道府県): the JIS X 0401 code (1 北海道 … 47 沖縄県) a member chose in settings, null when not given.
alter table member add column prefecture smallint;

-- The prefectures a 安否確認 asks (JIS codes, comma-separated); empty: the whole country. Members who have not given
-- their prefecture are asked by every check: better one question too many than a friend left off the list.
alter table safety_check add column prefectures varchar(200) default '' not null;
