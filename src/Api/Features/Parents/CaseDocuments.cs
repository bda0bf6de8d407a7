using Npgsql;
using NpgsqlTypes;
using Qadam.Api.Features.Documents;
using Qadam.Documents.Rendering;

namespace Qadam.Api.Features.Parents;

/// <summary>A document a case produced, and whether everyone who must sign its kind has (<see cref="DocumentSigners"/>).</summary>
internal sealed record CaseDocument(
    string CaseReference, Guid Id, string RegistryNumber, string TemplateKey, DocumentLanguage Language, DateTimeOffset CreatedAt, bool Signed);

/// <summary>
/// The documents of a parent's cases with their "signed" in one round trip: each document with the roles of everyone who
/// signed it (signatures joined to the signers' accounts by IIN), where <see cref="DocumentSigners.FullySignedAsync"/> needs
/// two more queries over two contexts. The rule stays <see cref="DocumentSigners.Required"/>'s. Plain Npgsql on the request's
/// connection (the documents and the accounts are one database): the statement is fixed, prepared once per connection.
/// </summary>
internal static class CaseDocuments
{
    private const string Sql =
        """
        SELECT d.case_reference, d.id, d.registry_number, d.template_key, d.language, d.created_at, d.document_type,
               ARRAY(SELECT DISTINCT r.name FROM documents.signatures s
                     JOIN qadam.users u ON u.iin = s.signer_iin
                     JOIN qadam.user_roles ur ON ur.user_id = u.id
                     JOIN qadam.roles r ON r.id = ur.role_id
                     WHERE s.document_id = d.id AND s.signer_iin IS NOT NULL AND r.name IS NOT NULL) AS signer_roles
        FROM documents.documents d
        WHERE d.case_reference = ANY($1)
        ORDER BY d.created_at
        """;

    public static async Task<List<CaseDocument>> OfCasesAsync(NpgsqlConnection connection, string[] caseReferences, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters = { new NpgsqlParameter<string[]> { TypedValue = caseReferences, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } },
        };
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<CaseDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var signerRoles = reader.GetFieldValue<string[]>(7);
            // "Signed" for a parent means signed by everyone who must sign that kind of document, not by anyone at all.
            var signed = signerRoles.Length > 0
                         && DocumentSigners.Required(reader.GetString(6)).All(group => group.Any(role => signerRoles.Contains(role, StringComparer.Ordinal)));
            documents.Add(new CaseDocument(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                DocumentLanguageExtensions.ParseLanguageCode(reader.GetString(4)), reader.GetFieldValue<DateTimeOffset>(5), signed));
        }

        return documents;
    }
}
