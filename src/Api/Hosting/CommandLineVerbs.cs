namespace Qadam.Api.Hosting;

/// <summary>Verbs that run and exit without starting the server, e.g. <c>validate FILE.bpmn</c>.</summary>
internal static class CommandLineVerbs
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        return false;
    }
}
