using Qadam.Api.Hosting;
using Serilog;

// Command-line verbs run without the web host (`-- validate FILE.bpmn` checks a file before upload, with no database).
if (args.Length > 0 && CommandLineVerbs.TryRun(args, out var verbExitCode))
{
    return verbExitCode;
}

Log.Logger = QadamLogging.CreateBootstrapLogger();
try
{
    var app = QadamApplication.Build(args);
    if (!await StartupChecks.PrepareDatabaseAsync(app))
    {
        return 2;
    }

    await app.RunAsync();
    return 0;
}
catch (HostAbortedException)
{
    // The EF Core design-time tools stop the host on purpose after building it.
    return 0;
}
catch (Exception ex)
{
    Log.Fatal(ex, "Qadam stopped because of an unexpected error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
