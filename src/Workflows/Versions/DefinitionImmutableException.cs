namespace Qadam.Workflows.Versions;

/// <summary>Thrown when a published or retired version would be changed.</summary>
public sealed class DefinitionImmutableException(string key, int version)
    : InvalidOperationException($"Version {version} of '{key}' is not a draft: published versions never change; create a new draft instead.")
{
    /// <summary>The definition key.</summary>
    public string Key { get; } = key;

    /// <summary>The version number.</summary>
    public int Version { get; } = version;
}
