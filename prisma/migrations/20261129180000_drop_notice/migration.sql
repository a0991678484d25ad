-- The certificate-issued notice lives in "Notification" (the header bell, mailed after the commit
-- by the issue path itself); the dashboard-only "Notice" table from the same day duplicated it.
DROP TABLE "Notice";
