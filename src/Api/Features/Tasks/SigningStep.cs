using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Documents.Signatures;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Tasks;

/// <summary>A document a signing step signs: the current rendition of one of its <c>qadam:signs</c> keys, in one language.</summary>
internal sealed record DocumentToSign(
    Guid Id, string TemplateKey, string DocumentType, string RegistryNumber, DocumentLanguage Language, string TitleKk, string TitleRu);

/// <summary>A document of a signing step that the person completing it has not (validly) signed, and why, in kk and ru.</summary>
internal sealed record MissingSignature(string TemplateKey, string? RegistryNumber, string? Language, string TitleKk, string TitleRu,
    string ProblemKk, string ProblemRu);

/// <summary>
/// A user task with <c>qadam:signs</c> is a signing step: it names the documents (template keys) its person signs, and it
/// completes only when that person's valid signature is on the current rendition of each, in every language it was
/// issued in. The current rendition is the latest document of the key that the task's instance issued for the task's
/// organisation: an order rendered again replaces the one to sign; a signed one stays in the registry as it was.
/// </summary>
internal static class SigningStep
{
    private static readonly Dictionary<string, (string Kk, string Ru)> TypeTitles = new(StringComparer.Ordinal)
    {
        ["ORDER"] = ("Бұйрық", "Приказ"),
        ["NOTICE"] = ("Хабарлама", "Уведомление"),
        ["PROTOCOL"] = ("Хаттамадан үзінді", "Выписка из протокола"),
        ["ACT"] = ("Акт", "Акт"),
        ["CONCLUSION"] = ("Қорытынды", "Заключение"),
        ["SCHEDULE"] = ("Жеке кесте", "Индивидуальный график"),
    };

    /// <summary>The template keys the task signs (empty for any other task), from its version's BPMN.</summary>
    public static async Task<(IReadOnlyList<string> Keys, ProcessModel? Model)> SignedKeysAsync(
        ProcessTask task, EngineReads reads, CancellationToken cancellationToken)
    {
        var model = await reads.ModelAsync(task.DefinitionKey, task.DefinitionVersion, cancellationToken);
        var node = model?.Nodes.OfType<UserTask>().FirstOrDefault(n => string.Equals(n.Id, task.ElementId, StringComparison.Ordinal));
        return (node?.Extension.Signs ?? [], model);
    }

    /// <summary>The current rendition of each signed key, per language, oldest key first.</summary>
    public static async Task<List<DocumentToSign>> DocumentsAsync(
        ProcessTask task, IReadOnlyList<string> keys, ProcessModel? model, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        if (keys.Count == 0 || task.BusinessKey is not { } reference)
        {
            return [];
        }

        var rows = await documents.Documents.AsNoTracking()
            .Where(d => d.CaseReference == reference && keys.Contains(d.TemplateKey)
                        && (task.Organisation == null || d.OrganisationCode == task.Organisation))
            .Select(d => new { d.Id, d.TemplateKey, d.DocumentType, d.RegistryNumber, d.Language, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(d => (d.TemplateKey, d.Language))
            .Select(g => g.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).First())
            .OrderBy(d => keys.ToList().IndexOf(d.TemplateKey)).ThenBy(d => d.Language)
            .Select(d =>
            {
                var (kk, ru) = Title(d.TemplateKey, d.DocumentType, model);
                return new DocumentToSign(d.Id, d.TemplateKey, d.DocumentType, d.RegistryNumber, d.Language, kk, ru);
            })];
    }

    /// <summary>
    /// What keeps <paramref name="signerIin"/> from completing the task: a signed key with no document yet, or a document
    /// without a signature by that IIN that verifies over its bytes. Empty when the task may complete.
    /// </summary>
    public static async Task<List<MissingSignature>> MissingAsync(
        IReadOnlyList<string> keys, IReadOnlyList<DocumentToSign> toSign, ProcessModel? model, string? signerIin,
        DocumentsDbContext documents, SignatureVerifier verifier, CancellationToken cancellationToken)
    {
        var missing = new List<MissingSignature>();
        foreach (var key in keys.Where(k => toSign.All(d => !string.Equals(d.TemplateKey, k, StringComparison.Ordinal))))
        {
            var (kk, ru) = Title(key, null, model);
            missing.Add(new MissingSignature(key, null, null, kk, ru,
                $"«{kk}» ({key}) құжаты әлі қалыптастырылмаған: қол қоятын ештеңе жоқ.",
                $"Документ «{ru}» ({key}) ещё не сформирован: подписывать нечего."));
        }

        foreach (var document in toSign)
        {
            var signatures = signerIin is null
                ? []
                : await documents.Signatures.AsNoTracking().Where(s => s.DocumentId == document.Id && s.SignerIin == signerIin)
                    .Select(s => s.Cms).ToListAsync(cancellationToken);
            var valid = false;
            if (signatures.Count > 0)
            {
                var content = await documents.Documents.AsNoTracking().Where(d => d.Id == document.Id).Select(d => d.Content)
                    .SingleAsync(cancellationToken);
                valid = signatures.Any(cms => verifier.VerifyCms(content, cms) is { Count: > 0 } reports && reports.All(r => r.IsValid));
            }

            if (!valid)
            {
                var language = document.Language.ToCode();
                missing.Add(new MissingSignature(document.TemplateKey, document.RegistryNumber, language, document.TitleKk, document.TitleRu,
                    signatures.Count == 0
                        ? $"«{document.TitleKk}» № {document.RegistryNumber} ({language}) құжатына сіздің ЭЦҚ-мен қолыңыз жоқ."
                        : $"«{document.TitleKk}» № {document.RegistryNumber} ({language}) құжатындағы сіздің қолыңыз тексеруден өтпеді.",
                    signatures.Count == 0
                        ? $"Документ «{document.TitleRu}» № {document.RegistryNumber} ({language}) не подписан вашей ЭЦП."
                        : $"Ваша подпись на документе «{document.TitleRu}» № {document.RegistryNumber} ({language}) не проходит проверку."));
            }
        }

        return missing;
    }

    // The step that renders the key names the document best ("Проект приказа о переводе …"); a key several steps render
    // (the notice of a transfer, a return or a refusal) is named by its kind.
    private static (string Kk, string Ru) Title(string templateKey, string? documentType, ProcessModel? model)
    {
        var renderers = model?.Nodes.OfType<ServiceTask>()
            .Where(t => string.Equals(t.Extension.TemplateKey, templateKey, StringComparison.Ordinal)).ToList() ?? [];
        if (renderers is [{ Extension: { LabelKk: { } kk, LabelRu: { } ru } }])
        {
            return (kk, ru);
        }

        var type = documentType ?? Features.Templates.TemplateDocumentTypes.For(templateKey);
        return TypeTitles.GetValueOrDefault(type, (templateKey, templateKey));
    }
}
