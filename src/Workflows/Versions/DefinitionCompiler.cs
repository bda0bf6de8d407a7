using System.Collections.Concurrent;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Tables;

namespace Qadam.Workflows.Versions;

/// <summary>
/// Turns stored definition content into executable models, once per content hash: published
/// versions never change, so a parsed model is shared by every command that runs it.
/// </summary>
internal static class DefinitionCompiler
{
    private static readonly ConcurrentDictionary<string, ProcessModel> Models = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ConditionTable> Tables = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Guid, ProcessModel> ById = new();

    public static IReadOnlyList<DefinitionProblem> Check(DefinitionKind kind, string content, DefinitionCatalog? catalog) =>
        kind switch
        {
            DefinitionKind.Bpmn => BpmnParser.Parse(content, catalog).Problems,
            _ => ConditionTable.Parse(content).Problems,
        };

    public static ProcessModel Model(ProcessDefinition definition)
    {
        var model = Models.GetOrAdd(definition.ContentSha256, _ =>
        {
            var result = BpmnParser.Parse(definition.Content, null);
            return result.Model ?? throw new DefinitionRejectedException(result.Problems);
        });
        if (definition.Status != DefinitionStatus.Draft)
        {
            ById.TryAdd(definition.Id, model);
        }

        return model;
    }

    /// <summary>The model of a published (or retired) version seen before, without asking the database.</summary>
    public static ProcessModel? CachedModel(Guid definitionId) => ById.GetValueOrDefault(definitionId);

    public static ConditionTable Table(ProcessDefinition definition) =>
        Tables.GetOrAdd(definition.ContentSha256, _ =>
        {
            var (table, problems) = ConditionTable.Parse(definition.Content);
            return table ?? throw new DefinitionRejectedException(problems);
        });
}
