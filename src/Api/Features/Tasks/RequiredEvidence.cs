using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Parents;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// A step whose form names a <c>requiredEvidence</c> completes only when the case holds at least one evidence file:
/// order 97 para 4 and 11 grant distance learning on a VKK conclusion and para 9-10 on the authorised body's letter, so
/// a registration without the document itself is refused with 422 naming it, in the caller's language.
/// </summary>
internal static class RequiredEvidence
{
    public static async Task<ProblemHttpResult?> RefuseWithoutAsync(
        FormSchema? form, ProcessTask task, HttpRequest http, QadamDbContext db, CancellationToken cancellationToken)
    {
        if (form?.RequiredEvidence is not { } required || TasksApi.CaseId(task) is not { } caseId
            || await db.Evidence.AnyAsync(e => e.CaseId == caseId, cancellationToken))
        {
            return null;
        }

        var russian = ListChildCases.PrefersRussian(http);
        return UnprocessableProblem.Create("evidence", russian
            ? $"Приложите к делу документ: {required.Ru}. Без него шаг не может быть завершён."
            : $"Іске құжатты тіркеңіз: {required.Kk}. Онсыз қадам аяқталмайды.");
    }
}
