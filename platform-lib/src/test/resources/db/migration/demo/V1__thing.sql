create table demo.thing (id bigint primary key);
