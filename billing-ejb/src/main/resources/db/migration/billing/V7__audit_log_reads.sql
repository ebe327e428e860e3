-- The audit log read by admins (GET /billing/audit): by action and by time, newest first. The
-- customer filter has its index since V1.
create index audit_log_by_action on billing.audit_log (action, id);
create index audit_log_by_time on billing.audit_log (occurred_at);
