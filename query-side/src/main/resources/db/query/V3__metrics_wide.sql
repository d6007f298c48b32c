-- Daily metrics, wide: one row per integration and day, one column per base metric of the shared vocabulary
-- (shared-events: events/catalogue/Metric.java; MetricColumnsTest keeps the two in step). A dashboard reads a
-- client's rows for a range — 5 providers × 60 days = 300 rows for a 30-day range with its previous period —
-- and sums them in the query side (DashboardQueries), 20× fewer rows than one row per metric.
--
-- `position` is the global event position of the DailyMetricsRecorded the row comes from: an older event never
-- overwrites a newer one, so replays and the post-rebuild catch-up are harmless.
--
-- Values are micro-units (value × 1,000,000, rounded half-even beyond six decimals) in BIGINT: sums stay exact
-- and cheap to read and add. NULL = the provider did not report that metric for that day (not the same as 0).
--
-- The read model is disposable: this migration drops the old long-format table and forgets the `metrics`
-- processor's token, so the processor replays every DailyMetricsRecorded into the new shape on start.
DROP TABLE query.metrics_daily;
DELETE FROM query.token_entry WHERE processor_name = 'metrics';

CREATE TABLE query.metrics_daily (
    integration_id         UUID    NOT NULL,
    date                   DATE    NOT NULL,
    agency_id              UUID    NOT NULL,
    client_id              UUID    NOT NULL,
    provider               TEXT    NOT NULL,
    currency               TEXT,
    position               BIGINT  NOT NULL,
    sessions               BIGINT,
    users                  BIGINT,
    new_users              BIGINT,
    engaged_sessions       BIGINT,
    page_views             BIGINT,
    engagement_seconds     BIGINT,
    conversions            BIGINT,
    revenue                BIGINT,
    transactions           BIGINT,
    add_to_carts           BIGINT,
    leads                  BIGINT,
    calls                  BIGINT,
    impressions            BIGINT,
    clicks                 BIGINT,
    link_clicks            BIGINT,
    video_views            BIGINT,
    cost                   BIGINT,
    organic_impressions    BIGINT,
    organic_clicks         BIGINT,
    position_x_impressions BIGINT,
    PRIMARY KEY (integration_id, date)
);
CREATE INDEX metrics_daily_client_date ON query.metrics_daily (client_id, date);
