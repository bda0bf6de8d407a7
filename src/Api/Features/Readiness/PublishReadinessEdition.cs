using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Parents;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Readiness;

/// <summary>
/// An edition of the requirements as the legal department publishes it, and as <c>workflows/readiness/*.json</c> holds it.
/// </summary>
public sealed record ReadinessEditionRequest(
    DateOnly EffectiveFrom, string Act, string ActKk, string Edition, string Paragraph, string TitleKk, string TitleRu,
    IReadOnlyList<ReadinessRequirement> Items, string? ParagraphKk = null);

/// <summary>An edition as the API shows it.</summary>
public sealed record ReadinessEditionResponse(
    int Version, DateOnly EffectiveFrom, string Act, string ActKk, string Edition, string Paragraph, string LegalBasis, string TitleKk,
    string TitleRu, IReadOnlyList<ReadinessRequirement> Items, string PublishedBy, DateTimeOffset PublishedAt, string ParagraphKk,
    string LegalBasisKk);

/// <summary>
/// <c>POST /api/readiness/editions</c>: the legal department publishes a new edition of the requirements when the annex
/// changes (as order 103 replaced Annex 1 of order 349 by its Annex 3 from 13.05.2025). Published editions are never
/// edited: records keep the edition they were made under.
/// </summary>
internal static class PublishReadinessEdition
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<ReadinessEditionResponse>, ProblemHttpResult>> HandleAsync(
        ReadinessEditionRequest request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var errors = Validate(request, russian);
        if (errors.Count == 0 && await db.ReadinessEditions.AnyAsync(e => e.EffectiveFrom == request.EffectiveFrom, cancellationToken))
        {
            errors["effectiveFrom"] = [Text(russian,
                $"{request.EffectiveFrom:yyyy-MM-dd} күнінен бастап қолданылатын редакция бар.",
                $"Редакция, действующая с {request.EffectiveFrom:yyyy-MM-dd}, уже опубликована.")];
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(request, Json);
        var edition = await PublishAsync(db, audit, request, Sha(content), AuditActor.From(user), time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/readiness/editions/{edition.Version}", ToResponse(edition));
    }

    /// <summary>Stores the edition and its audit event in one transaction.</summary>
    public static async Task<ReadinessEdition> PublishAsync(
        QadamDbContext db, AuditTrail audit, ReadinessEditionRequest request, string sha, AuditActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = (await db.ReadinessEditions.MaxAsync(e => (int?)e.Version, cancellationToken) ?? 0) + 1;
        var edition = new ReadinessEdition(version, request.EffectiveFrom, request.Act.Trim(), request.ActKk.Trim(), request.Edition.Trim(),
            request.Paragraph.Trim(), request.ParagraphKk?.Trim() ?? string.Empty, request.TitleKk.Trim(), request.TitleRu.Trim(), request.Items, sha,
            actor.Name, now);
        db.ReadinessEditions.Add(edition);
        await audit.AppendAsync(actor, new AuditEntry("readiness.edition-published", JsonSerializer.SerializeToUtf8Bytes(request, Json),
            ProcessKey: "readiness", ProcessVersion: version, LegalBasis: edition.Cite()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return edition;
    }

    public static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static Dictionary<string, string[]> Validate(ReadinessEditionRequest request, bool russian)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            {
                errors[field] = [Text(russian, $"Міндетті өріс, ең көбі {max} таңба.", $"Обязательное поле, не более {max} символов.")];
            }
        }

        Require("act", request.Act, 1000);
        Require("actKk", request.ActKk, 1000);
        Require("edition", request.Edition, 32);
        Require("paragraph", request.Paragraph, 300);
        if (request.ParagraphKk is { Length: > 300 })
        {
            errors["paragraphKk"] = [Text(russian, "Ең көбі 300 таңба.", "Не более 300 символов.")];
        }

        Require("titleKk", request.TitleKk, 1000);
        Require("titleRu", request.TitleRu, 1000);
        if (request.Items.Count == 0)
        {
            errors["items"] = [Text(russian, "Кемінде бір талап керек.", "Нужно хотя бы одно требование.")];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            Require($"items[{i}].key", item.Key, 64);
            Require($"items[{i}].paragraph", item.Paragraph, 300);
            Require($"items[{i}].textKk", item.TextKk, 2000);
            Require($"items[{i}].textRu", item.TextRu, 2000);
            if (item.ParagraphKk is { Length: > 300 })
            {
                errors[$"items[{i}].paragraphKk"] = [Text(russian, "Ең көбі 300 таңба.", "Не более 300 символов.")];
            }
            if (!string.IsNullOrWhiteSpace(item.Key) && !keys.Add(item.Key))
            {
                errors[$"items[{i}].key"] = [Text(russian, $"'{item.Key}' кілті қайталанады.", $"Ключ '{item.Key}' повторяется.")];
            }

            var unknown = item.Evidence.Where(f => !ReadinessEvidence.Fields.Contains(f, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                errors[$"items[{i}].evidence"] = [Text(russian,
                    $"Белгісіз дәлел өрістері: {string.Join(", ", unknown)}. Рұқсат етілгендері: {string.Join(", ", ReadinessEvidence.Fields)}.",
                    $"Неизвестные поля подтверждения: {string.Join(", ", unknown)}. Допустимы: {string.Join(", ", ReadinessEvidence.Fields)}.")];
            }
        }

        return errors;
    }

    public static ReadinessEditionResponse ToResponse(ReadinessEdition e) =>
        new(e.Version, e.EffectiveFrom, e.Act, e.ActKk, e.EditionLabel, e.Paragraph, e.Cite(), e.TitleKk, e.TitleRu, e.Items(), e.PublishedBy,
            e.PublishedAt, e.ParagraphKk, e.CiteKk());

    public static string Text(bool russian, string kk, string ru) => russian ? ru : kk;
}
