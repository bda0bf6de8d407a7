using System.Xml.Linq;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// BPMN drawn by other people's tools (https://github.com/bpmn-io/bpmn-js-examples): each file is accepted, or
/// refused with problems that each name an element id of that file, and never crashes the parser.
/// </summary>
public sealed class InteropFileTests
{
    private const string KitchenSink = "theming-kitchen-sink.bpmn";
    private const string Pizza = "colors-pizza-collaboration.bpmn";
    private const string QrCode = "overlays-qr-code.bpmn";
    private const string NestedSubProcesses = "deep-linking-nested-subprocesses.bpmn";
    private const string TransactionBoundaries = "transaction-boundaries-transaction-boundaries.bpmn";

    public static TheoryData<string> Files => [KitchenSink, Pizza, QrCode, NestedSubProcesses, TransactionBoundaries];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_problem_names_an_id_of_the_file_and_says_why(string file)
    {
        var result = Parse(file);
        var ids = IdsOf(file);

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p =>
        {
            Assert.Contains(p.ElementId, ids);
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
        });
        Assert.Equal(result.Problems.Count, result.Problems.Distinct().Count());
    }

    [Fact]
    public void Kitchen_sink_names_each_element_outside_the_subset_once()
    {
        var problems = Parse(KitchenSink).Problems;

        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ExclusiveGateway_08cpnyi"] = "complexGateway is not supported",
            ["Task_0t0pnde"] = "transaction is not supported",
            ["BoundaryEvent_00et2aq"] = "cancel boundaryEvent is not supported",
            ["Task_1ank6jx"] = "scriptTask is not supported",
            ["Task_12nft3n"] = "manualTask is not supported",

            // Inside the event sub-process: named too, so one upload lists everything to change.
            ["Task_11mt25q"] = "task has no type",
            ["Task_194rzhn"] = "task has no type",
            ["Task_1ug2w5g"] = "task has no type",
        };

        foreach (var (id, reason) in expected)
        {
            var problem = Assert.Single(problems, p => p.ElementId == id);
            Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Kitchen_sink_events_gateways_and_message_tasks_run_and_are_checked_for_what_they_lack()
    {
        var problems = Parse(KitchenSink).Problems;

        var expected = new (string Id, string Reason)[]
        {
            ("ExclusiveGateway_0w2zn42", "the eventBasedGateway needs two or more outgoing flows"),
            ("IntermediateThrowEvent_0iysg53", "the link event has no name"),
            ("IntermediateThrowEvent_1liyvfn", "the link event has no name"),
            ("IntermediateThrowEvent_0d0om9q", ""),
            ("IntermediateThrowEvent_1755nsj", "the message event names no message"),
            ("IntermediateThrowEvent_0731jft", "the conditional event has no condition"),
            ("BoundaryEvent_1ge1buo", "the compensation boundary event has no handler"),
            ("BoundaryEvent_1pheq3p", "the signal event names no signal"),
            ("BoundaryEvent_0krxj1n", "the signal event names no signal"),
            ("BoundaryEvent_04znm02", "the conditional event has no condition"),
            ("BoundaryEvent_1c7kst9", ""),
            ("BoundaryEvent_0iiyz0j", "the message event names no message"),
            ("Task_0qibn8y", "the message event names no message"),
            ("Task_0oz8m30", "the message event names no message"),
            ("Task_1mvn5bz", ""),
        };

        foreach (var (id, reason) in expected)
        {
            Assert.DoesNotContain(problems, p => p.ElementId == id && p.Message.Contains("not supported", StringComparison.Ordinal));
            if (reason.Length > 0)
            {
                Assert.Contains(problems, p => p.ElementId == id && p.Message.StartsWith(reason, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Kitchen_sink_supported_elements_are_checked_for_what_they_lack()
    {
        var problems = Parse(KitchenSink).Problems;

        Assert.Contains(new DefinitionProblem("Task_1x2pxcn", "the userTask has no qadam:candidateRoles: name the roles that may claim it"), problems);
        Assert.Contains(problems, p => p.ElementId == "Task_1suvpez" && p.Message.Contains("no qadam:activity", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Task_1165fo8" && p.Message.Contains("no qadam:table", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Task_0vcqxha" && p.Message.Contains("no calledElement", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "BoundaryEvent_1fs6xst" && p.Message.Contains("timer has no", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "IntermediateThrowEvent_17ci1dt" && p.Message.Contains("names no message", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Task_19iw28f" && p.Message.Contains("no none start event", StringComparison.Ordinal));

        // Diagram-only content and the supported gateways raise nothing of their own.
        string[] quiet = ["DataObjectReference_1mn1rac", "DataStoreReference_0rsnz87", "TextAnnotation_13stt0v", "StartEvent_1", "ExclusiveGateway_0pueljs"];
        Assert.DoesNotContain(problems, p => quiet.Contains(p.ElementId));
    }

    [Fact]
    public void Pizza_collaboration_without_an_executable_pool_is_refused_at_file_level_and_its_foreign_elements_named()
    {
        var problems = Parse(Pizza).Problems;

        var file = Assert.Single(problems, p => p.ElementId == "_1275940932088");
        Assert.Contains("2 processes (_6-1, _6-2) and none is marked isExecutable=\"true\"", file.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.ElementId == "_6-180");
        Assert.Contains(problems, p => p.ElementId == "CalmCustomerTask" && p.Message.StartsWith("task has no type", StringComparison.Ordinal));
    }

    [Fact]
    public void Qr_code_names_its_untyped_tasks_and_the_gateway_flows_without_conditions()
    {
        var problems = Parse(QrCode).Problems;

        Assert.Equal(
            [
                "SCAN_QR_CODE",
                "sid-E49425CF-8287-4798-B622-D2A7D78EF00B",
                "sid-8B820AF5-DC5C-4618-B854-E08B71FB55CB",
                "sid-337A23B9-A923-4CCE-B613-3E247B773CCE",
            ],
            problems.Select(p => p.ElementId));
        Assert.Contains("leaves exclusiveGateway SCAN_OK without a condition", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transaction_boundaries_names_untyped_tasks_the_receive_task_without_a_message_and_the_empty_timer()
    {
        var problems = Parse(TransactionBoundaries).Problems;

        Assert.Equal(
            [
                "Foobar", "Task_1sj6xof", "ReceiveTask_1nfzpjk", "Task_12m3h91", "Task_0s7hgb5",
                "IntermediateCatchEvent_0gmbwuc", "UserTask_16f0qs5",
            ],
            problems.Select(p => p.ElementId));
    }

    [Fact]
    public void Nested_sub_processes_lack_only_candidate_roles()
    {
        var problems = Parse(NestedSubProcesses).Problems;

        Assert.All(problems, p => Assert.Equal("the userTask has no qadam:candidateRoles: name the roles that may claim it", p.Message));
        Assert.Equal(
            [
                "sid-9E3BA75C-29DD-4DAC-8283-8FDE4E9A6724", "sid-3459D5A6-4E18-4133-8362-0418AC9CE830", "sid-29B8F97B-1A0D-4280-A62D-5093316C484B",
                "sid-E21C867A-7A56-46DD-9A1E-94C02FDB18FB", "parallelGateway_withoutContent",
            ],
            problems.Select(p => p.ElementId));
    }

    [Fact]
    public void Nested_sub_processes_run_once_candidate_roles_are_added()
    {
        var xml = File.ReadAllText(RepositoryFiles.Interop(NestedSubProcesses))
            .Replace("<userTask ", "<userTask qadam:candidateRoles=\"clerk\" ", StringComparison.Ordinal)
            .Replace("xmlns:signavio=", "xmlns:qadam=\"http://qadam.kz/schema/bpmn\" xmlns:signavio=", StringComparison.Ordinal);

        var result = BpmnParser.Parse(xml);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var model = result.Model!;
        Assert.Equal("rootProcess", model.Id);
        var payment = Assert.IsType<SubProcess>(model.Node("sid-D0CDA908-DDCE-4E82-88D0-F1A919B8AE8B"));
        var boundary = Assert.Single(payment.Boundaries);
        Assert.Equal("sid-C586DCF2-0B1B-4878-8042-F9869023F21B", boundary.Id);
        Assert.Equal(new ErrorTrigger(null), boundary.Trigger);
        var supplier = Assert.IsType<SubProcess>(model.Node("collapsedProcess_2"));
        Assert.Equal("expandedProcess", supplier.Scope.Owner!.Id);
        Assert.Equal("collapsedProcess", supplier.Scope.Owner.Scope.Owner!.Id);
        Assert.IsType<ParallelGateway>(model.Node("parallelGateway"));
    }

    private static BpmnParseResult Parse(string file)
    {
        using var stream = File.OpenRead(RepositoryFiles.Interop(file));
        return BpmnParser.Parse(stream);
    }

    private static HashSet<string> IdsOf(string file) =>
        [.. XDocument.Load(RepositoryFiles.Interop(file)).Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>()];
}
