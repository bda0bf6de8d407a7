using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Ballots;

/// <summary>One member's ballot: cast or not (how each member voted is the protocol's, not the tally screen's).</summary>
public sealed record BallotResponse(Guid TaskId, string Member, string Status, DateTimeOffset? CastAt);

/// <summary>
/// A vote of a body (council, trustees): one multi-instance user task of the case's process. <c>Closed</c> once no ballot
/// is open (the completion condition was met, or everyone voted); <c>Outcome</c> is then <c>yes</c> when more than half of
/// all members voted yes, else <c>no</c>, as the pathways' conditions read the votes (workflows/README.md, votes).
/// </summary>
public sealed record BallotBoxResponse(
    string ElementId, string? LabelKk, string? LabelRu, int Total, int Yes, int No, int Outstanding, bool Closed, string? Outcome,
    Guid? MyTaskId, bool MyBallotCast, IReadOnlyList<BallotResponse> Ballots);

/// <summary><c>GET /api/cases/{id}/ballots</c> : the tallies of the case's votes, read from the engine's tasks.</summary>
internal static class ListBallots
{
    public static async Task<Results<Ok<List<BallotBoxResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var @case = await CaseQueries.Visible(db, scope).Where(c => c.Id == id)
            .Select(c => new { c.ProcessInstanceId, c.PathwayKey, c.DefinitionVersion }).SingleOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return TypedResults.Problem($"No case {id} among the cases you may read.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }

        if (@case.ProcessInstanceId is not { } instanceId)
        {
            return TypedResults.Ok(new List<BallotBoxResponse>());
        }

        var ballots = await reads.BallotsAsync(instanceId, cancellationToken);
        var model = await reads.ModelAsync(@case.PathwayKey, @case.DefinitionVersion, cancellationToken);
        var me = user.FindFirstValue(Claims.Subject);

        var boxes = new List<BallotBoxResponse>();
        foreach (var element in ballots.GroupBy(t => t.ElementId))
        {
            // A vote held again (the process looped back to it) is a new round: the tally is the latest round's.
            var firstOfLastRound = element.Where(t => t.LoopIndex == 0).Select(t => t.CreatedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var round = element.Where(t => t.CreatedAt >= firstOfLastRound).ToList();
            var node = model?.Elements.GetValueOrDefault(element.Key) as FlowNode;
            var yes = round.Count(t => t.Status == UserTaskStatus.Completed && Vote(t.Output) == "yes");
            var no = round.Count(t => t.Status == UserTaskStatus.Completed && Vote(t.Output) == "no");
            var outstanding = round.Count(t => t.IsOpen);
            var closed = outstanding == 0;
            var mine = round.FirstOrDefault(t => me is not null && string.Equals(t.Assignee, me, StringComparison.Ordinal));
            boxes.Add(new BallotBoxResponse(
                element.Key, node?.Extension.LabelKk ?? round[0].LabelKk, node?.Extension.LabelRu ?? round[0].LabelRu, round.Count, yes, no,
                outstanding, closed, closed ? (yes * 2 > round.Count ? "yes" : "no") : null,
                mine?.Id, mine?.Status == UserTaskStatus.Completed,
                [.. round.Select(t => new BallotResponse(t.Id, Member(t), StatusName(t.Status), t.Status == UserTaskStatus.Completed ? t.EndedAt : null))]));
        }

        return TypedResults.Ok(boxes);
    }

    private static string? Vote(JsonObject? output) =>
        (output?["vote"] as JsonValue)?.TryGetValue<string>(out var vote) == true ? vote : null;

    /// <summary>The member as the process was given them (FileCase: <c>{user, name, organisation}</c>), else the assignee.</summary>
    private static string Member(Qadam.Workflows.Execution.ProcessTask task) =>
        (task.LoopElement?["name"] as JsonValue)?.TryGetValue<string>(out var name) == true ? name : task.Assignee ?? "—";

    private static string StatusName(UserTaskStatus status) => status switch
    {
        UserTaskStatus.Completed => "cast",
        UserTaskStatus.Cancelled => "notCast",
        _ => "open",
    };
}
