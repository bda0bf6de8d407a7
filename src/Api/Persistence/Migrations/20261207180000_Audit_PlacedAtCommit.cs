using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <summary>
    /// The audit chain is extended at COMMIT, by the database: a command writes its event to <c>qadam.audit_pending</c> (no
    /// lock), and a deferred constraint trigger places it in <c>qadam.audit_events</c> as the transaction commits: the chain's
    /// advisory lock, the head, sequence + 1 and the v2 hash (the same text <c>AuditEvent.ChainHash</c> hashes). The lock is
    /// then held for the trigger and the commit's WAL flush only, never while the API takes its turn on a CPU between two
    /// statements: under 200 concurrent writers every writer had queued on it (bench/Http/README.md, "Filings and
    /// completions"). Deferred triggers run in the order their rows were inserted, so a command's events keep their order.
    /// https://www.postgresql.org/docs/15/sql-createtrigger.html (CONSTRAINT, INITIALLY DEFERRED).
    /// The pending table is empty outside a transaction (an entity of the model since Audit_PendingEntity).
    /// </summary>
    [DbContext(typeof(QadamDbContext))]
    [Migration("20261207180000_Audit_PlacedAtCommit")]
    public partial class Audit_PlacedAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Under READ COMMITTED each statement of a volatile PL/pgSQL function takes a new snapshot, so the head is read
            // after the lock is granted and sees the event the previous holder committed. 8169921568636499300 is
            // AuditTrail.ChainLockKey ("qadamaud"), the lock the other appends take.
            migrationBuilder.Sql("""
                CREATE TABLE qadam.audit_pending (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    occurred_at timestamp with time zone NOT NULL,
                    actor character varying(256) NOT NULL,
                    role character varying(512) NOT NULL,
                    organisation_code character varying(32),
                    action character varying(128) NOT NULL,
                    case_id uuid,
                    process_key character varying(128),
                    process_version integer,
                    legal_basis character varying(1000),
                    payload_digest character(64) NOT NULL,
                    content_digest character(64) NOT NULL
                );

                CREATE FUNCTION qadam.audit_place_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    head_sequence bigint;
                    head_hash text;
                BEGIN
                    PERFORM pg_advisory_xact_lock(8169921568636499300);
                    SELECT sequence, hash::text INTO head_sequence, head_hash
                        FROM qadam.audit_events ORDER BY sequence DESC LIMIT 1;
                    IF NOT FOUND THEN
                        head_sequence := 0;
                        head_hash := '0000000000000000000000000000000000000000000000000000000000000000';
                    END IF;
                    INSERT INTO qadam.audit_events (sequence, occurred_at, actor, role, organisation_code, action, case_id,
                        process_key, process_version, legal_basis, payload_digest, previous_hash, hash)
                    VALUES (head_sequence + 1, NEW.occurred_at, NEW.actor, NEW.role, NEW.organisation_code, NEW.action,
                        NEW.case_id, NEW.process_key, NEW.process_version, NEW.legal_basis, NEW.payload_digest, head_hash,
                        encode(sha256(convert_to(NEW.content_digest::text || ':' || (head_sequence + 1)::text || ':' || head_hash,
                            'UTF8')), 'hex'));
                    DELETE FROM qadam.audit_pending WHERE id = NEW.id;
                    RETURN NULL;
                END
                $$;

                CREATE CONSTRAINT TRIGGER audit_pending_placed_at_commit AFTER INSERT ON qadam.audit_pending
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION qadam.audit_place_pending();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_pending_placed_at_commit ON qadam.audit_pending;
                DROP FUNCTION IF EXISTS qadam.audit_place_pending();
                DROP TABLE IF EXISTS qadam.audit_pending;
                """);
        }
    }
}
