using Microsoft.AspNetCore.Http.HttpResults;

namespace Qadam.Api.Features.Rosters;

/// <summary>The uploaded roster: its bytes (audited as they came) and its rows, or the problem with the file as a whole.</summary>
internal sealed record RosterFile(byte[] Bytes, List<RosterCsvRow> Rows)
{
    /// <summary>Reads the upload: at most <paramref name="maxBytes"/>, CSV text, the expected header, at least one student row.</summary>
    public static async Task<(RosterFile? File, ProblemHttpResult? Problem)> ReadAsync(
        IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        if (file.Length > maxBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The roster file is too large.",
                $"The file has {file.Length} bytes; at most {maxBytes} are accepted. Split the roster by school."));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (RosterCsv.WhyNotText(bytes, out var text) is { } notText)
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "The roster file is not CSV text.", notText));
        }

        var rows = RosterCsv.Parse(text, out var headerProblem);
        if (headerProblem is not null)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The roster's header row is wrong.", headerProblem));
        }

        if (rows.Count == 0)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The roster has no students.",
                "The file has a header row but no student rows."));
        }

        return (new RosterFile(bytes, rows), null);
    }

    /// <summary>A problem with the file as a whole, named on the field <c>file</c>.</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });
}
