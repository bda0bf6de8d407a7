using Qadam.Workflows.Definitions;

namespace Qadam.Api.Hosting;

/// <summary>Verbs that run and exit without starting the server, e.g. <c>validate FILE.bpmn</c>.</summary>
internal static class CommandLineVerbs
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage: dotnet run --project src/Api -- validate FILE.bpmn [FILE.bpmn ...]

        Checks each BPMN 2.0 file as an upload would and prints every problem as "elementId: kind: message", where kind
        is "error" (the engine cannot run it: an upload is refused) or "warning" (only publishing needs it: candidate
        roles, a bound activity, form or table; a draft is saved with it). Runs without the server and without a
        database, so references to registered activities, forms, document templates, condition tables and called
        definitions are not checked here; the upload checks them.

        Exit code: 0 when every file is valid, 1 when a file has any problem that blocks publishing (error or warning),
        2 for a usage error or a file that cannot be read.
        """;

    public static bool TryRun(string[] args, out int exitCode) => TryRun(args, Console.Out, Console.Error, out exitCode);

    internal static bool TryRun(string[] args, TextWriter output, TextWriter error, out int exitCode)
    {
        if (args.Length == 0 || !string.Equals(args[0], "validate", StringComparison.Ordinal))
        {
            exitCode = 0;
            return false;
        }

        exitCode = Validate(args[1..], output, error);
        return true;
    }

    private static int Validate(string[] files, TextWriter output, TextWriter error)
    {
        if (files.Length == 0 || files.Any(f => f is "-h" or "--help" || f.StartsWith('-')))
        {
            error.WriteLine(Usage);
            return UsageError;
        }

        var exitCode = Valid;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"{file}: no such file");
                exitCode = UsageError;
                continue;
            }

            BpmnParseResult result;
            try
            {
                using var stream = File.OpenRead(file);
                result = BpmnParser.Parse(stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{file}: cannot be read: {ex.Message}");
                exitCode = UsageError;
                continue;
            }

            if (result.IsValid)
            {
                output.WriteLine($"{file}: valid");
                continue;
            }

            var warnings = result.Problems.Count(p => p.Severity == ProblemSeverity.Warning);
            output.WriteLine(result.CanSave
                ? $"{file}: not publishable, {warnings} warning(s): it can be saved as a draft"
                  + (result.CanRun ? "" : ", and runs once its drawing is finished")
                : $"{file}: invalid, {result.Problems.Count} problem(s)");
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"{problem.ElementId}: {(problem.Severity == ProblemSeverity.Warning ? "warning" : "error")}: {problem.Message}");
            }

            exitCode = Math.Max(exitCode, Invalid);
        }

        return exitCode;
    }
}
