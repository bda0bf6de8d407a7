using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Documents.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UniqueSignerPerDocumentSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Replays stored before the indexes existed: the first signature of each signer (by IIN, or by certificate) on a
            // document stays, the later ones go. Signatures are otherwise never deleted (signatures_immutable), so the trigger
            // is lifted for this statement only, inside the migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE documents.signatures DISABLE TRIGGER signatures_immutable;
                DELETE FROM documents.signatures later
                 WHERE EXISTS (SELECT 1 FROM documents.signatures earlier
                                WHERE earlier.document_id = later.document_id
                                  AND earlier.position < later.position
                                  AND (earlier.certificate_thumbprint = later.certificate_thumbprint
                                       OR (later.signer_iin IS NOT NULL AND earlier.signer_iin = later.signer_iin)));
                ALTER TABLE documents.signatures ENABLE TRIGGER signatures_immutable;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_signatures_document_id_certificate_thumbprint_unique",
                schema: "documents",
                table: "signatures",
                columns: new[] { "document_id", "certificate_thumbprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signatures_document_id_signer_iin_unique",
                schema: "documents",
                table: "signatures",
                columns: new[] { "document_id", "signer_iin" },
                unique: true,
                filter: "signer_iin IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_signatures_document_id_certificate_thumbprint_unique",
                schema: "documents",
                table: "signatures");

            migrationBuilder.DropIndex(
                name: "ix_signatures_document_id_signer_iin_unique",
                schema: "documents",
                table: "signatures");
        }
    }
}
