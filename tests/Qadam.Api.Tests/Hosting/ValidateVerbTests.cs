using System.Diagnostics;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Runs the built API as its own process with <c>validate FILE.bpmn</c>, as a modeler would
/// before uploading: no web host, no database, one line per problem, and an exit code a script can test.
/// </summary>
public sealed class ValidateVerbTests : IDisposable
{
    private const string ValidBpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="Definitions_1">
          <bpmn:process id="Transfer" isExecutable="true">
            <bpmn:startEvent id="Filed" />
            <bpmn:userTask id="Review" qadam:candidateRoles="head" qadam:formKey="review-form" />
            <bpmn:serviceTask id="Render" qadam:activity="render-document" qadam:templateKey="transfer-order" />
            <bpmn:endEvent id="Done" />
            <bpmn:sequenceFlow id="F1" sourceRef="Filed" targetRef="Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Render" />
            <bpmn:sequenceFlow id="F3" sourceRef="Render" targetRef="Done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string InvalidBpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_2">
          <bpmn:process id="Broken" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:scriptTask id="Script" scriptFormat="groovy"><bpmn:script>approved = true</bpmn:script></bpmn:scriptTask>
            <bpmn:exclusiveGateway id="Decide" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script" />
            <bpmn:sequenceFlow id="F2" sourceRef="Script" targetRef="Decide" />
            <bpmn:sequenceFlow id="Yes" sourceRef="Decide" targetRef="End"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="No" sourceRef="Decide" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("qadam-validate-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_valid_file_prints_valid_and_exits_0_without_a_database()
    {
        var file = Write("valid.bpmn", ValidBpmn);

        var (exitCode, output, _) = await ValidateAsync(file);

        Assert.Equal(0, exitCode);
        Assert.Equal([$"{file}: valid"], Lines(output));
    }

    [Fact]
    public async Task An_invalid_file_prints_each_problem_as_element_id_kind_and_message_and_exits_1()
    {
        var file = Write("invalid.bpmn", InvalidBpmn);

        var (exitCode, output, _) = await ValidateAsync(file);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                $"{file}: invalid, 2 problem(s)",
                "Script: error: the scriptTask is in 'groovy': scripts run in JavaScript only (scriptFormat javascript)",
                "No: warning: the flow leaves exclusiveGateway Decide without a condition: it counts as true, and the gateway takes the first "
                + "flow in the file's order whose condition holds; give it a condition or make it the default flow",
            ],
            Lines(output));
    }

    [Fact]
    public async Task Several_files_are_each_reported_and_one_invalid_file_makes_the_exit_code_1()
    {
        var valid = Write("valid.bpmn", ValidBpmn);
        var invalid = Write("invalid.bpmn", InvalidBpmn);
        var malformed = Write("malformed.bpmn", "<bpmn:definitions");

        var (exitCode, output, _) = await ValidateAsync(valid, invalid, malformed);

        Assert.Equal(1, exitCode);
        var lines = Lines(output);
        Assert.Contains($"{valid}: valid", lines);
        Assert.Contains($"{invalid}: invalid, 2 problem(s)", lines);
        Assert.Contains($"{malformed}: invalid, 1 problem(s)", lines);
        Assert.Contains(lines, l => l.StartsWith("definitions: error: the file is not well-formed XML", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Camunda_Modeler_export_exits_1_listing_only_warnings_for_what_publishing_needs()
    {
        var file = Write("camunda.bpmn", Features.Engine.DraftsFromOtherToolsTests.CamundaExport());

        var (exitCode, output, _) = await ValidateAsync(file);

        Assert.Equal(1, exitCode);
        var lines = Lines(output);
        Assert.Equal($"{file}: not publishable, 6 warning(s): it can be saved as a draft", lines[0]);
        Assert.Contains("Activity_review: warning: the userTask has no qadam:candidateRoles: name the roles that may claim it", lines);
        Assert.All(lines.Skip(1), l => Assert.Contains(": warning: ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_file_exits_2_and_names_it()
    {
        var missing = Path.Combine(_folder.FullName, "missing.bpmn");

        var (exitCode, _, error) = await ValidateAsync(missing);

        Assert.Equal(2, exitCode);
        Assert.Equal([$"{missing}: no such file"], Lines(error));
    }

    [Fact]
    public async Task No_file_prints_the_usage_saying_references_are_not_checked_and_exits_2()
    {
        var (exitCode, output, error) = await ValidateAsync();

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Usage: dotnet run --project src/Api -- validate FILE.bpmn", error, StringComparison.Ordinal);
        Assert.Contains("are not checked here", error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int ExitCode, string Output, string Error)> ValidateAsync(params string[] files)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Qadam.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "validate", .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };

        // A connection string that cannot work: the verb must not need a database.
        start.Environment["ConnectionStrings__Qadam"] = "Host=127.0.0.1;Port=1;Database=nowhere;Timeout=1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
