namespace Qadam.Workflows.Tests.Definitions;

/// <summary>The repository's copies of the third-party BPMN files still equal ../shared/interop/bpmn when it is there.</summary>
public sealed class InteropCopiesTests
{
    [Fact]
    public void The_copies_equal_the_shared_originals()
    {
        var copies = Directory.GetFiles(RepositoryFiles.InteropFolder, "*.bpmn").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(5, copies.Count);
        if (!Directory.Exists(RepositoryFiles.SharedInteropFolder))
        {
            // A clone without the workplace's shared/ beside it has only the copies to test with.
            return;
        }

        Assert.Equal(Directory.GetFiles(RepositoryFiles.SharedInteropFolder, "*.bpmn").Select(Path.GetFileName).Order(), copies);
        Assert.All(copies, name => Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryFiles.SharedInteropFolder, name!)), File.ReadAllBytes(Path.Combine(RepositoryFiles.InteropFolder, name!))));
    }
}
