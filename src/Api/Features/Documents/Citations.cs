using Microsoft.Extensions.Options;
using Qadam.Api.Hosting;
using Qadam.Documents.Citations;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// The citation table of the published pathways (<c>workflows/citations.json</c>): every <c>qadam:legalBasis</c> in Kazakh
/// and in Russian, so a Kazakh document and a Kazakh screen cite the act in Kazakh. Read once: the table changes with the
/// BPMN files it covers, which are published at start.
/// </summary>
public sealed class Citations(IOptions<QadamOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<CitationTable> _table = new(() => Load(options.Value.WorkflowsDirectory, environment.ContentRootPath));

    /// <summary>The table; empty when the deployment has no workflows folder.</summary>
    public CitationTable Table => _table.Value;

    /// <summary>The basis in both languages, or null when the table does not know it (the raw citation is shown then).</summary>
    public Citation? Of(LegalBasis? basis) => basis is null ? null : Table.Resolve(basis.Act, basis.Paragraph);

    private static CitationTable Load(string? configured, string contentRoot)
    {
        var folder = WorkflowsFolder.Resolve(configured, contentRoot);
        var path = folder is null ? null : Path.Combine(folder, "citations.json");
        return path is not null && File.Exists(path) ? CitationTable.Parse(File.ReadAllText(path)) : CitationTable.Empty;
    }
}
