namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// The repository's copies of the third-party BPMN files (Definitions/Interop) still equal their originals, where a
/// workplace keeps those originals beside the repository in ../shared/interop/bpmn. A clone has only the copies: there
/// the test reports itself skipped, with the reason, instead of passing without having compared anything.
/// </summary>
public sealed class InteropCopiesTests
{
    /// <summary>Where the originals are, when the workplace's shared folder is beside the repository.</summary>
    private static readonly string SharedInteropFolder =
        Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "interop", "bpmn"));

    [SkippableFact]
    public void The_copies_equal_the_shared_originals()
    {
        Skip.IfNot(Directory.Exists(SharedInteropFolder),
            $"No originals to compare with: {SharedInteropFolder} is not beside this clone (the copies are tested on their own).");

        var copies = Directory.GetFiles(RepositoryFiles.InteropFolder, "*.bpmn").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Directory.GetFiles(SharedInteropFolder, "*.bpmn").Select(Path.GetFileName).Order(), copies);
        Assert.All(copies, name => Assert.Equal(
            File.ReadAllBytes(Path.Combine(SharedInteropFolder, name!)),
            File.ReadAllBytes(Path.Combine(RepositoryFiles.InteropFolder, name!))));
    }
}
