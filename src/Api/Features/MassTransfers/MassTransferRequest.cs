namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// Which students of the listed schools a weather decision moves: the shifts that go remote and, from the region's
/// indicator table, the grades of schools and the years of colleges. Null means every student of the schools.
/// </summary>
/// <param name="Shifts">Shift numbers concerned (1 for the first shift; 2 and 3 for the later ones).</param>
/// <param name="GradesFrom">Lowest school grade concerned (0 is the pre-school class).</param>
/// <param name="GradesTo">Highest school grade concerned.</param>
/// <param name="CollegeYears">Years of study of colleges concerned; empty leaves colleges in class.</param>
/// <param name="AcademicYear">The calendar year the school year began in, to tell a college group's year from its intake.</param>
public sealed record StudentSelection(IReadOnlyList<int> Shifts, int GradesFrom, int GradesTo, IReadOnlyList<int> CollegeYears, int AcademicYear);

/// <summary>
/// A mass-transfer step to run: the instance and element it belongs to, who it moves and for which period. <c>Classes</c>
/// narrows an emergency order to classes or groups within organisations (order 103 para 22: "на отдельных объектах", a
/// class in quarantine): organisation code → the class or group names it moves; an organisation absent from it moves whole.
/// The organisations of <see cref="OrganisationCodes"/> listed in <see cref="Excluded"/> are recorded with their reason and
/// none of their students is moved.
/// </summary>
public sealed record MassTransferRequest(
    Guid InstanceId, string ElementId, string DefinitionKey, int DefinitionVersion, Guid? OrderId, string Direction, DateOnly PeriodFrom,
    DateOnly PeriodTo, IReadOnlyList<string> OrganisationCodes, StudentSelection? Selection,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Classes = null)
{
    /// <summary>Organisations the edition excludes from distance learning, by code.</summary>
    public IReadOnlyList<OrganisationExclusion> Excluded { get; init; } = [];
}

/// <summary>
/// Why an organisation's students are not moved, in Kazakh and Russian, with the paragraph; <c>ExceptionPossible</c> when the
/// edition in force lets the college's head find a case of art. 37-2 para 2 of the Law on education (349 Annex 2 para 3-1).
/// </summary>
public sealed record OrganisationExclusion(string Organisation, string ReasonKk, string ReasonRu, string? LegalBasis, bool ExceptionPossible = false);

/// <summary>What a run did: the transfer, its size, and how much of it this run wrote (less than the total after a resume).</summary>
public sealed record MassTransferOutcome(Guid TransferId, int Total, int WrittenNow, int SchoolsResumed, MassTransferTimings Timings);

/// <summary>Where the time of a run went, for the benchmark and the log.</summary>
public sealed record MassTransferTimings(TimeSpan Prepare, TimeSpan Transfer, TimeSpan Finish);
