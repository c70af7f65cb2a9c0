-- 紹介文: what a friend (writer) says about a member on the member's profile. One per writer and member; writing again
-- replaces it. Deleted by the member or the writer, and when the friendship ends.
create table introduction (
    member_id  bigint        not null references member (id) on delete cascade,
    writer_id  bigint        not null references member (id) on delete cascade,
    body       varchar(2000) not null,
    written_at timestamp     not null,
    primary key (member_id, writer_id)
);
create index introduction_writer on introduction (writer_id);
