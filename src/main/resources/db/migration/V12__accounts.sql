-- Scheduled work that only one node may do per period (system.Housekeeping): a node claims a task by moving
-- claimed_until forward with a conditional UPDATE; the others see the claim and skip that round.
create table scheduled_task (
    name          varchar(64)  primary key,
    claimed_until timestamp    not null,
    claimed_by    varchar(120)
);
insert into scheduled_task (name, claimed_until) values ('housekeeping', timestamp '2000-01-01 00:00:00');

create index member_session_created on member_session (created_at);
create index member_session_seen on member_session (last_seen_at);
create index login_failure_time on login_failure (failed_at);
create index registration_expires on registration (expires_at);
create index mail_spool_handled_at on mail_spool (handled_at);

-- What a URL session (sid in the URL) was started on: carrier and hashed subscriber ID, the carrier's gateway, or a
-- hashed client address (web.SessionBinding). Null for cookie sessions; a URL session without it signs nobody in.
alter table member_session add column bound_to varchar(120);
