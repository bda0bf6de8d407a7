using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qadam.Documents.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "documents");

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registry_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    document_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    template_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    process_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    process_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    case_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "number_counters",
                schema: "documents",
                columns: table => new
                {
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    document_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_number_counters", x => new { x.organisation_code, x.document_type, x.year });
                });

            migrationBuilder.CreateTable(
                name: "templates",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    document_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    process_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    process_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signatures",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    signer_iin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    signer_bin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    certificate_thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    signing_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cms = table.Column<byte[]>(type: "bytea", nullable: false),
                    origin = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    signed_package = table.Column<byte[]>(type: "bytea", nullable: true),
                    signed_package_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signatures", x => x.id);
                    table.ForeignKey(
                        name: "FK_signatures_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "documents",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_case_reference",
                schema: "documents",
                table: "documents",
                column: "case_reference");

            migrationBuilder.CreateIndex(
                name: "IX_documents_organisation_code_document_type_year_sequence",
                schema: "documents",
                table: "documents",
                columns: new[] { "organisation_code", "document_type", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_organisation_code_registry_number",
                schema: "documents",
                table: "documents",
                columns: new[] { "organisation_code", "registry_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_sha256",
                schema: "documents",
                table: "documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_signatures_document_id",
                schema: "documents",
                table: "signatures",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "IX_signatures_signed_package_sha256",
                schema: "documents",
                table: "signatures",
                column: "signed_package_sha256");

            migrationBuilder.CreateIndex(
                name: "IX_templates_key_language_version",
                schema: "documents",
                table: "templates",
                columns: new[] { "key", "language", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_templates_process_key_process_version",
                schema: "documents",
                table: "templates",
                columns: new[] { "process_key", "process_version" });

            // Issued documents, their signatures and template editions are never overwritten
            // (an issued document is an immutable stored copy, never overwritten): the database itself
            // refuses UPDATE, DELETE and TRUNCATE, whatever code runs against it.
            migrationBuilder.Sql("""
                CREATE FUNCTION documents.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'documents.%: stored rows are immutable; % refused', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'restrict_violation';
                END
                $$;
                CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents.documents
                    FOR EACH ROW EXECUTE FUNCTION documents.refuse_change();
                CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents.documents
                    FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_change();
                CREATE TRIGGER signatures_immutable BEFORE UPDATE OR DELETE ON documents.signatures
                    FOR EACH ROW EXECUTE FUNCTION documents.refuse_change();
                CREATE TRIGGER signatures_no_truncate BEFORE TRUNCATE ON documents.signatures
                    FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_change();
                CREATE TRIGGER templates_immutable BEFORE UPDATE OR DELETE ON documents.templates
                    FOR EACH ROW EXECUTE FUNCTION documents.refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER templates_immutable ON documents.templates;
                DROP TRIGGER signatures_no_truncate ON documents.signatures;
                DROP TRIGGER signatures_immutable ON documents.signatures;
                DROP TRIGGER documents_no_truncate ON documents.documents;
                DROP TRIGGER documents_immutable ON documents.documents;
                DROP FUNCTION documents.refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "number_counters",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "signatures",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "documents");
        }
    }
}
