namespace Qadam.Workflows.Definitions;

/// <summary>
/// The names a definition may refer to, for the reference checks of <see cref="DefinitionValidator"/>.
/// Each set that is null means "do not check that kind" (e.g. the command-line validator, which has
/// no database); a name missing from a non-null set is a problem.
/// </summary>
/// <param name="Activities">Registered service-task activities (qadam:activity).</param>
/// <param name="FormKeys">Known form keys (qadam:formKey).</param>
/// <param name="TemplateKeys">Known document template keys (qadam:templateKey).</param>
/// <param name="TableKeys">Known condition table keys (qadam:table).</param>
/// <param name="DefinitionKeys">Known definition keys a call activity may call (calledElement).</param>
/// <param name="MaxMultiInstances">The most instances a literal loopCardinality may ask for (the engine's configured limit).</param>
public sealed record DefinitionCatalog(
    IReadOnlySet<string>? Activities = null,
    IReadOnlySet<string>? FormKeys = null,
    IReadOnlySet<string>? TemplateKeys = null,
    IReadOnlySet<string>? TableKeys = null,
    IReadOnlySet<string>? DefinitionKeys = null,
    int? MaxMultiInstances = null)
{
    /// <summary>Checks no reference.</summary>
    public static readonly DefinitionCatalog None = new();
}
