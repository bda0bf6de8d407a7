using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Evidence;

/// <summary>
/// Documents a step rests on must be in the case, not only described: the authorised body's order (letter) for a
/// competition (349 Annex 2 para 9; 2025 Annex 1 para 26) and the VKK conclusion for a medical transfer (349 Annex 2
/// para 7; 2025 Annex 1 para 24). A form field marked <c>"properties": { "evidence": "required" }</c>
/// holds the id of the uploaded file; completing the step without a file of this case there is a 422 naming it, in the
/// caller's language.
/// </summary>
internal static class RequiredEvidence
{
    public static async Task<ProblemHttpResult?> RefuseMissingAsync(
        FormSchema form, JsonObject data, Guid? caseId, HttpRequest http, QadamDbContext db, CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var (key, label) in form.RequiredEvidence)
        {
            var attached = caseId is { } id && data[key] is JsonValue value && value.TryGetValue<string>(out var text)
                           && Guid.TryParse(text, out var evidenceId)
                           && await db.Evidence.AnyAsync(e => e.Id == evidenceId && e.CaseId == id, cancellationToken);
            if (attached)
            {
                continue;
            }

            // Labels are "kk / ru" (the pathways' forms); a label without the separator is used as it is.
            var parts = label.Split(" / ", 2, StringSplitOptions.TrimEntries);
            var name = parts.Length == 2 ? (russian ? parts[1] : parts[0]) : label;
            names.Add(name);
            errors["data." + key] = [russian
                ? $"«{name}»: файл не приложен к делу. Загрузите его (POST /api/cases/{{id}}/evidence) и укажите здесь его идентификатор."
                : $"«{name}»: файл іске тіркелмеген. Оны жүктеп (POST /api/cases/{{id}}/evidence), осында оның идентификаторын көрсетіңіз."];
        }

        if (errors.Count == 0)
        {
            return null;
        }

        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = russian ? "Шаг не завершается без приложенного документа" : "Қадам тіркелген құжатсыз аяқталмайды",
            Detail = russian
                ? $"Не приложен к делу: {string.Join(", ", names.Select(n => $"«{n}»"))}."
                : $"Іске тіркелмеген: {string.Join(", ", names.Select(n => $"«{n}»"))}.",
            Extensions = { ["errors"] = errors },
        });
    }
}
