namespace Qadam.Api.Features.Rosters;

/// <summary>One problem in one cell of the roster.</summary>
public sealed record RosterRowError(string Field, string Message);

/// <summary>What happened to one row: <c>created</c>, <c>updated</c>, <c>unchanged</c> or <c>rejected</c>.</summary>
public sealed record RosterRowReport(int Line, string? Iin, string Outcome, IReadOnlyList<RosterRowError> Errors);

/// <summary>The per-row report of an import; nothing is written unless every row is valid.</summary>
public sealed record RosterImportReport(
    bool Imported, bool DryRun, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RosterRowReport> Results);
