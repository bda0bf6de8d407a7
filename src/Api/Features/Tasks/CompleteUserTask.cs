using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Parents;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Signatures;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Tasks;

/// <summary>The form data a task is completed with.</summary>
public sealed record CompleteTaskRequest(JsonObject? Data = null);

/// <summary>Where the case stands after the completion.</summary>
public sealed record CompleteTaskResponse(
    Guid TaskId, Guid? CaseId, string? CaseStatus, string InstanceStatus, IReadOnlyList<string> WaitingAt, IReadOnlyList<Guid> OpenedTasks);

/// <summary>
/// <c>POST /api/tasks/{id}/complete</c> (a stable contract): the caller must be a candidate in the task's
/// organisation; the data must fit the task's form; then the engine completes it (row-locked: a second completion is
/// 409, never a double effect) and the case's status and the audit event follow in the same transaction.
/// </summary>
internal static class CompleteUserTask
{
    /// <summary>What checking a signing step uses.</summary>
    internal sealed record SigningServices(DocumentsDbContext Documents, SignatureVerifier Verifier, UserManager<QadamUser> Users);

    public static async Task<Results<Ok<CompleteTaskResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> HandleAsync(
        Guid id, CompleteTaskRequest request, [AsParameters] TaskCommandServices services, [AsParameters] SigningServices signing,
        FormCatalog forms, CancellationToken cancellationToken)
    {
        var (http, user, db, reads, engine) = (services.Http, services.User, services.Db, services.Reads, services.Engine);
        var header = http.Headers["Idempotency-Key"].ToString();
        if (header.Length > 100)
        {
            return UnprocessableProblem.Create("Idempotency-Key", "At most 100 characters.");
        }

        var subject = user.FindFirstValue(Claims.Subject)!;
        var actor = AuditActor.From(user);
        var engineActor = new Actor(subject, actor.Roles, actor.OrganisationCode);
        // The engine keeps one result per key across all callers and tasks; the key is the caller's, so scope it. A replayed
        // key answers with the first result (Replayed): the audit and the case already hold the first completion.
        var key = header.Length > 0 ? $"task-complete:{subject}:{id}:{header}" : null;
        var data = request.Data ?? [];
        // The task is read once, locked with its instance, and checked under that lock: a second completion waits here and
        // then sees the task done (409); the engine completes the rows read here.
        var outcome = await services.Command.RunAsync(actor, async ct =>
        {
            var task = await engine.LockTaskAsync(id, key, ct);
            if (task is null || !await TaskAccess.IsVisibleAsync(task, user, db, ct))
            {
                return new Outcome(TypedResults.NotFound());
            }

            if (await RefusalAsync(task, data, http, user, db, reads, forms, signing, ct) is { } refused)
            {
                return new Outcome(refused, task);
            }

            var caseId = TaskCase.IdOf(task);
            var completed = await engine.CompleteTaskAsync(new CompleteTask(id, engineActor, data, key), ct);
            var followed = caseId is not { } followedId ? null : await CaseById(db, followedId, ct);
            if (followed is not null && !completed.Replayed)
            {
                followed.Follow(completed.Status, completed.Outcome, services.Time.GetUtcNow());
            }

            return new Outcome(null, task, completed, followed);
        }, r => r.Completed is not { Replayed: false } ? null : new AuditEntry("task.completed",
            JsonSerializer.SerializeToUtf8Bytes(new { task = id, element = r.Task!.ElementId, data }),
            r.Followed?.Id, r.Task.DefinitionKey, r.Task.DefinitionVersion, Documents.LegalCitation.Line(r.Task.LegalBasis)), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = outcome.Completed!;
        return TypedResults.Ok(new CompleteTaskResponse(
            id, TaskCase.IdOf(outcome.Task!), outcome.Followed?.Status, result.Status.ToString().ToLowerInvariant(), result.WaitingAt,
            result.OpenedTasks));
    }

    // Compiled once, tracked (the completion moves the case's status): EF's per-call work for a LINQ query (the tree built,
    // its captured values extracted, the query cache looked up) showed in the profile of completions under load.
    private static readonly Func<QadamDbContext, Guid, CancellationToken, Task<Case?>> CaseById =
        EF.CompileAsyncQuery((QadamDbContext db, Guid id, CancellationToken _) => db.Cases.SingleOrDefault(c => c.Id == id));

    /// <summary>What the unit of work gives back: a refusal, or the completion and the case it moved.</summary>
    private sealed record Outcome(
        Results<Ok<CompleteTaskResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>? Refusal, ProcessTask? Task = null,
        CommandResult? Completed = null, Case? Followed = null);

    /// <summary>
    /// Why the caller may not complete the task with <paramref name="data"/>: not a candidate (403), data not fitting the form or
    /// evidence missing (422), documents unsigned (409); null when nothing stands in the way.
    /// </summary>
    private static async Task<Results<Ok<CompleteTaskResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>?> RefusalAsync(
        ProcessTask task, JsonObject data, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, FormCatalog forms,
        SigningServices signing, CancellationToken cancellationToken)
    {
        if (!TaskAccess.IsCandidate(task, user))
        {
            return TypedResults.Forbid();
        }

        var form = await forms.FindAsync(task.FormKey, cancellationToken);
        if (form is not null && form.Validate(data) is { Count: > 0 } errors)
        {
            return UnprocessableProblem.Create(errors, $"The data does not fit the form '{task.FormKey}'.");
        }

        if (form is not null && await Evidence.RequiredEvidence.RefuseMissingAsync(form, data, TaskCase.IdOf(task), http, db, cancellationToken) is { } missingEvidence)
        {
            return missingEvidence;
        }

        if (await RefuseUnsignedAsync(task, http, user, reads, signing, cancellationToken) is { } unsigned)
        {
            return unsigned;
        }

        return null;
    }

    /// <summary>
    /// A signing step (qadam:signs) completes only on the caller's own valid signatures: 409 naming each document that
    /// lacks one (a claim in a form is not a signature).
    /// </summary>
    private static async Task<ProblemHttpResult?> RefuseUnsignedAsync(
        ProcessTask task, HttpRequest http, ClaimsPrincipal user, EngineReads reads, SigningServices signing, CancellationToken cancellationToken)
    {
        var (documents, verifier, users) = (signing.Documents, signing.Verifier, signing.Users);
        var (keys, model) = await SigningStep.SignedKeysAsync(task, reads, cancellationToken);
        if (keys.Count == 0)
        {
            return null;
        }

        var toSign = await SigningStep.DocumentsAsync(task, keys, model, documents, cancellationToken);
        var iin = (await users.GetUserAsync(user))?.Iin;
        var missing = await SigningStep.MissingAsync(keys, toSign, model, iin, documents, verifier, cancellationToken);
        if (missing.Count == 0)
        {
            return null;
        }

        var russian = ListChildCases.PrefersRussian(http);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = russian ? "Шаг подписания не завершён: документы не подписаны" : "Қол қою қадамы аяқталмады: құжаттарға қол қойылмаған",
            Detail = string.Join(" ", missing.Select(m => russian ? m.ProblemRu : m.ProblemKk)),
            Extensions =
            {
                ["documents"] = missing.Select(m => new
                {
                    templateKey = m.TemplateKey, registryNumber = m.RegistryNumber, language = m.Language, title = russian ? m.TitleRu : m.TitleKk,
                    problem = russian ? m.ProblemRu : m.ProblemKk,
                }).ToList(),
            },
        });
    }
}
