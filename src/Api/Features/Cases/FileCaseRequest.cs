using System.Text.Json.Nodes;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// What filing a case takes (the stable contract of <c>POST /api/cases</c>): a student's IIN, or for an organisation's own
/// pathway (tvet-online) the programme's code and name and no student.
/// </summary>
public sealed record FileCaseRequest(
    string Pathway, string Ground, DateOnly FiledOn, string? StudentIin = null, string? Language = null, JsonObject? Data = null,
    string? ProgrammeCode = null, string? ProgrammeName = null);
