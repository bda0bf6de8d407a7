namespace Qadam.Workflows.Definitions.Model;

/// <summary>
/// The attributes of our extension namespace (<see cref="QadamNamespace.Uri"/>) on a BPMN element.
/// Described for the modeler by <c>qadam.moddle.json</c>.
/// </summary>
public sealed record QadamAttributes
{
    /// <summary>No attributes.</summary>
    public static readonly QadamAttributes None = new();

    /// <summary>Roles that may claim a user task (e.g. "psychologist", "head").</summary>
    public IReadOnlyList<string> CandidateRoles { get; init; } = [];

    /// <summary>Which organisation's staff get the task: "case" (the case's school, the default), "parent" (its district or region), or an expression.</summary>
    public string? OrganisationScope { get; init; }

    /// <summary>
    /// The one user who may do the task: a user name, or an expression after "=" (e.g. "=member.user" for
    /// a council ballot, so each member casts their own vote and no other).
    /// </summary>
    public string? Assignee { get; init; }

    /// <summary>Key of the form-js form shown for a user task.</summary>
    public string? FormKey { get; init; }

    /// <summary>Key of the DOCX template a step renders.</summary>
    public string? TemplateKey { get; init; }

    /// <summary>
    /// Template keys of the case's documents a user task signs (<c>qadam:signs="order-transfer,parent-notice"</c>): the task
    /// completes only when the person completing it has signed the current rendition of each.
    /// </summary>
    public IReadOnlyList<string> Signs { get; init; } = [];

    /// <summary>Due time of a user task: an ISO 8601 duration (P3D), a date-time, or an expression after "=".</summary>
    public string? Deadline { get; init; }

    /// <summary>Label in Kazakh.</summary>
    public string? LabelKk { get; init; }

    /// <summary>Label in Russian.</summary>
    public string? LabelRu { get; init; }

    /// <summary>The paragraph of the legal act this step carries out.</summary>
    public LegalBasis? LegalBasis { get; init; }
}

/// <summary>A citation of a legal act: which act, which edition, which paragraph.</summary>
/// <param name="Act">The act, e.g. "Приказ МП РК от 27.11.2023 № 349".</param>
/// <param name="Edition">The edition, e.g. "2025-103" for the text as amended by order 103 of 2025.</param>
/// <param name="Paragraph">The paragraph, e.g. "Прил. 2, п. 5".</param>
public sealed record LegalBasis(string Act, string? Edition, string? Paragraph);

/// <summary>Our BPMN extension namespace.</summary>
public static class QadamNamespace
{
    /// <summary>The namespace URI used in BPMN files.</summary>
    public const string Uri = "http://qadam.kz/schema/bpmn";

    /// <summary>The usual prefix.</summary>
    public const string Prefix = "qadam";
}
