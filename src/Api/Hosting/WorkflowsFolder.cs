namespace Qadam.Api.Hosting;

/// <summary>Where the published pathways live: <c>Qadam:WorkflowsDirectory</c>, else the first <c>workflows</c> folder above the content root.</summary>
internal static class WorkflowsFolder
{
    public static string? Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "workflows");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
