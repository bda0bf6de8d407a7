using System.Text.Json.Nodes;

namespace Qadam.Api.Features.Cases;

/// <summary>What filing a case takes (the stable contract of <c>POST /api/cases</c>).</summary>
public sealed record FileCaseRequest(
    string Pathway, string StudentIin, string Ground, DateOnly FiledOn, string? Language = null, JsonObject? Data = null);
