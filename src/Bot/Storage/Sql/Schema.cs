namespace Clinic.Bot.Storage.Sql;

/// <summary>
/// The schema as ordered migrations shared by both providers. <c>{id}</c> and <c>{ts}</c> are replaced by the
/// provider's auto-increment key and timestamp types. Applied versions are recorded in <c>schema_version</c>.
/// </summary>
internal static class Schema
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at {ts} NOT NULL
        )
        """;

    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE IF NOT EXISTS conversations (
                conversation_id TEXT PRIMARY KEY,
                channel_id TEXT NOT NULL,
                state_json TEXT NOT NULL,
                etag TEXT NOT NULL,
                updated_at {ts} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_conversations_updated_at ON conversations (updated_at);

            CREATE TABLE IF NOT EXISTS transcript_entries (
                entry_id {id},
                conversation_id TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('user', 'bot')),
                message_text TEXT NOT NULL,
                activity_id TEXT,
                sent_at {ts} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_transcript_conversation ON transcript_entries (conversation_id, entry_id);
            CREATE INDEX IF NOT EXISTS ix_transcript_sent_at ON transcript_entries (sent_at);

            CREATE TABLE IF NOT EXISTS escalations (
                escalation_id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                priority INTEGER NOT NULL,
                reasons_json TEXT NOT NULL,
                triggering_text TEXT NOT NULL,
                transcript_excerpt TEXT NOT NULL,
                contact_json TEXT,
                status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
                created_at {ts} NOT NULL,
                acknowledged_by TEXT,
                acknowledged_at {ts},
                resolved_by TEXT,
                resolved_at {ts}
            );
            CREATE INDEX IF NOT EXISTS ix_escalations_status ON escalations (status, priority, created_at);
            CREATE INDEX IF NOT EXISTS ix_escalations_kind ON escalations (kind, status, created_at);

            CREATE TABLE IF NOT EXISTS escalation_deliveries (
                escalation_id TEXT NOT NULL REFERENCES escalations (escalation_id) ON DELETE CASCADE,
                sink TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at {ts},
                claimed_by TEXT,
                claimed_until {ts},
                last_error TEXT,
                delivered_at {ts},
                external_id TEXT,
                PRIMARY KEY (escalation_id, sink)
            );
            CREATE INDEX IF NOT EXISTS ix_deliveries_due ON escalation_deliveries (status, next_attempt_at);

            CREATE TABLE IF NOT EXISTS escalation_audit (
                audit_id {id},
                escalation_id TEXT NOT NULL REFERENCES escalations (escalation_id) ON DELETE CASCADE,
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                acted_at {ts} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_audit_escalation ON escalation_audit (escalation_id, audit_id);

            CREATE TABLE IF NOT EXISTS feedback (
                conversation_id TEXT NOT NULL,
                answer_id TEXT NOT NULL,
                rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
                comment TEXT,
                rated_at {ts} NOT NULL,
                PRIMARY KEY (conversation_id, answer_id)
            );
            CREATE INDEX IF NOT EXISTS ix_feedback_rated_at ON feedback (rated_at);
            """),
        // Inbound de-duplication shared by every instance: Teams resends a slow turn's activity, perhaps to another instance.
        (2, """
            CREATE TABLE IF NOT EXISTS inbound_activities (
                activity_key TEXT PRIMARY KEY,
                expires_at {ts} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_inbound_expires_at ON inbound_activities (expires_at);
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
