using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Documents.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Naming_SnakeCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A rename in place, data kept: EF drops and re-adds a key to rename it, which would rebuild each primary key's index
            // and leave a moment without the constraint; PostgreSQL renames a constraint (and its index) directly.
            migrationBuilder.Sql("ALTER TABLE documents.signatures RENAME CONSTRAINT \"FK_signatures_documents_document_id\" TO \"fk_signatures_documents_document_id\"");

            migrationBuilder.Sql("ALTER TABLE documents.templates RENAME CONSTRAINT \"PK_templates\" TO \"pk_templates\"");

            migrationBuilder.Sql("ALTER TABLE documents.signatures RENAME CONSTRAINT \"PK_signatures\" TO \"pk_signatures\"");

            migrationBuilder.Sql("ALTER TABLE documents.number_counters RENAME CONSTRAINT \"PK_number_counters\" TO \"pk_number_counters\"");

            migrationBuilder.Sql("ALTER TABLE documents.documents RENAME CONSTRAINT \"PK_documents\" TO \"pk_documents\"");

            migrationBuilder.RenameIndex(
                name: "IX_templates_process_key_process_version",
                schema: "documents",
                table: "templates",
                newName: "ix_templates_process_key_process_version");

            migrationBuilder.RenameIndex(
                name: "IX_templates_key_language_version",
                schema: "documents",
                table: "templates",
                newName: "ix_templates_key_language_version");

            migrationBuilder.RenameIndex(
                name: "IX_signatures_signed_package_sha256",
                schema: "documents",
                table: "signatures",
                newName: "ix_signatures_signed_package_sha256");

            migrationBuilder.RenameIndex(
                name: "IX_signatures_document_id",
                schema: "documents",
                table: "signatures",
                newName: "ix_signatures_document_id");

            migrationBuilder.RenameIndex(
                name: "IX_documents_sha256",
                schema: "documents",
                table: "documents",
                newName: "ix_documents_sha256");

            migrationBuilder.RenameIndex(
                name: "IX_documents_organisation_code_registry_number",
                schema: "documents",
                table: "documents",
                newName: "ix_documents_organisation_code_registry_number");

            migrationBuilder.RenameIndex(
                name: "IX_documents_organisation_code_document_type_year_sequence",
                schema: "documents",
                table: "documents",
                newName: "ix_documents_organisation_code_document_type_year_sequence");

            migrationBuilder.RenameIndex(
                name: "IX_documents_case_reference",
                schema: "documents",
                table: "documents",
                newName: "ix_documents_case_reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE documents.signatures RENAME CONSTRAINT \"fk_signatures_documents_document_id\" TO \"FK_signatures_documents_document_id\"");

            migrationBuilder.Sql("ALTER TABLE documents.templates RENAME CONSTRAINT \"pk_templates\" TO \"PK_templates\"");

            migrationBuilder.Sql("ALTER TABLE documents.signatures RENAME CONSTRAINT \"pk_signatures\" TO \"PK_signatures\"");

            migrationBuilder.Sql("ALTER TABLE documents.number_counters RENAME CONSTRAINT \"pk_number_counters\" TO \"PK_number_counters\"");

            migrationBuilder.Sql("ALTER TABLE documents.documents RENAME CONSTRAINT \"pk_documents\" TO \"PK_documents\"");

            migrationBuilder.RenameIndex(
                name: "ix_templates_process_key_process_version",
                schema: "documents",
                table: "templates",
                newName: "IX_templates_process_key_process_version");

            migrationBuilder.RenameIndex(
                name: "ix_templates_key_language_version",
                schema: "documents",
                table: "templates",
                newName: "IX_templates_key_language_version");

            migrationBuilder.RenameIndex(
                name: "ix_signatures_signed_package_sha256",
                schema: "documents",
                table: "signatures",
                newName: "IX_signatures_signed_package_sha256");

            migrationBuilder.RenameIndex(
                name: "ix_signatures_document_id",
                schema: "documents",
                table: "signatures",
                newName: "IX_signatures_document_id");

            migrationBuilder.RenameIndex(
                name: "ix_documents_sha256",
                schema: "documents",
                table: "documents",
                newName: "IX_documents_sha256");

            migrationBuilder.RenameIndex(
                name: "ix_documents_organisation_code_registry_number",
                schema: "documents",
                table: "documents",
                newName: "IX_documents_organisation_code_registry_number");

            migrationBuilder.RenameIndex(
                name: "ix_documents_organisation_code_document_type_year_sequence",
                schema: "documents",
                table: "documents",
                newName: "IX_documents_organisation_code_document_type_year_sequence");

            migrationBuilder.RenameIndex(
                name: "ix_documents_case_reference",
                schema: "documents",
                table: "documents",
                newName: "IX_documents_case_reference");
        }
    }
}
