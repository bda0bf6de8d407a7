using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <summary>
    /// No writer waits for the audit chain. Until now each command's COMMIT took the chain's advisory lock and waited for
    /// every commit before it to place its event: under 200 clients filing cases, pg_stat_statements counted 40-48 ms of
    /// waiting for that lock per filing, about eleven backends at any moment, on any node (bench/Http/README.md,
    /// "Session 11"). Now the trigger tries the lock (<c>pg_try_advisory_xact_lock</c>): the commit that gets it places
    /// every pending event it can see, its own and those left by earlier commits, in the order they were written; a commit
    /// that does not get it leaves its event in <c>qadam.audit_pending</c>, committed with the change it records, for the
    /// next one. <c>qadam.audit_chain()</c> waits for the lock and places what is pending: the API calls it before it reads
    /// the chain (a case's history, the verification) and once a second in the background (AuditChainer), so an event is
    /// in the chain at once when no one else holds the lock and within a second otherwise. Sequence and hashes are as
    /// before (AuditEvent.ChainHash); nothing is lost, since a pending event commits with its change.
    /// https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
    /// </summary>
    [DbContext(typeof(QadamDbContext))]
    [Migration("20261207210000_Audit_ChainWithoutWaiting")]
    public partial class Audit_ChainWithoutWaiting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The caller holds the chain's lock. Each statement of a volatile PL/pgSQL function takes a new snapshot under
            // READ COMMITTED, so the head and the pending rows are read after the lock was granted and see what the previous
            // holder committed. 8169921568636499300 is the chain's lock ("qadamaud").
            migrationBuilder.Sql("""
                CREATE FUNCTION qadam.audit_chain_pending() RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                    head_sequence bigint;
                    head_hash text;
                    pending record;
                    placed integer := 0;
                BEGIN
                    SELECT sequence, hash::text INTO head_sequence, head_hash
                        FROM qadam.audit_events ORDER BY sequence DESC LIMIT 1;
                    IF NOT FOUND THEN
                        head_sequence := 0;
                        head_hash := '0000000000000000000000000000000000000000000000000000000000000000';
                    END IF;
                    FOR pending IN SELECT * FROM qadam.audit_pending ORDER BY id LOOP
                        head_sequence := head_sequence + 1;
                        INSERT INTO qadam.audit_events (sequence, occurred_at, actor, role, organisation_code, action, case_id,
                            process_key, process_version, legal_basis, payload_digest, previous_hash, hash)
                        VALUES (head_sequence, pending.occurred_at, pending.actor, pending.role, pending.organisation_code,
                            pending.action, pending.case_id, pending.process_key, pending.process_version, pending.legal_basis,
                            pending.payload_digest, head_hash,
                            encode(sha256(convert_to(pending.content_digest::text || ':' || head_sequence::text || ':' || head_hash,
                                'UTF8')), 'hex'))
                        RETURNING hash::text INTO head_hash;
                        DELETE FROM qadam.audit_pending WHERE id = pending.id;
                        placed := placed + 1;
                    END LOOP;
                    RETURN placed;
                END
                $$;

                CREATE OR REPLACE FUNCTION qadam.audit_place_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF pg_try_advisory_xact_lock(8169921568636499300) THEN
                        PERFORM qadam.audit_chain_pending();
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION qadam.audit_chain() RETURNS integer LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(8169921568636499300);
                    RETURN qadam.audit_chain_pending();
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                SELECT qadam.audit_chain();
                DROP FUNCTION qadam.audit_chain();
                CREATE OR REPLACE FUNCTION qadam.audit_place_pending() RETURNS trigger LANGUAGE plpgsql AS $$
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
                DROP FUNCTION qadam.audit_chain_pending();
                """);
        }
    }
}
