namespace Qadam.Workflows.Definitions;

/// <summary>
/// The moddle descriptor of our BPMN extension (<c>qadam.moddle.json</c>), embedded in this assembly so
/// the API can serve the very file the parser is tested against to the bpmn-js designer.
/// </summary>
public static class QadamModdleDescriptor
{
    /// <summary>The manifest resource name of the descriptor.</summary>
    public const string ResourceName = "Qadam.Workflows.Definitions.qadam.moddle.json";

    /// <summary>Opens the descriptor JSON (UTF-8); the caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(QadamModdleDescriptor).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The resource '{ResourceName}' is missing from Qadam.Workflows.");
}
