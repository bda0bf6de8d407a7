namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// Files of the repository; the root is the folder holding Qadam.slnx above the test binaries. The third-party BPMN files
/// are copies kept in the repository (Definitions/Interop), so the tests need nothing outside a clone.
/// </summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    /// <summary>The third-party BPMN files (bpmn-io/bpmn-js-examples, MIT), copied into the repository.</summary>
    public static string InteropFolder { get; } = Path.Combine(Root, "tests", "Qadam.Workflows.Tests", "Definitions", "Interop");

    public static string Interop(string fileName) => Path.Combine(InteropFolder, fileName);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qadam.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Qadam.slnx above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
