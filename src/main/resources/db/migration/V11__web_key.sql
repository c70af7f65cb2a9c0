-- Keys the web layer signs with (the guest forms' CSRF tokens), shared by every node: made once, on first use.
create table web_key (
    name varchar(40) primary key,
    secret varchar(100) not null
);
