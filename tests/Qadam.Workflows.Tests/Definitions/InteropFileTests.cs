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
    public void Kitchen_sink_is_refused_only_for_its_complex_gateway_and_cancel_event_which_Camunda_7_does_not_run_either()
    {
        var problems = Parse(KitchenSink).Problems;

        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.Equal(["BoundaryEvent_00et2aq", "ExclusiveGateway_08cpnyi"], errors.Select(p => p.ElementId).Order());
        Assert.StartsWith("complexGateway is not supported (Camunda 7 does not run it either)",
            Assert.Single(errors, p => p.ElementId == "ExclusiveGateway_08cpnyi").Message, StringComparison.Ordinal);
        Assert.StartsWith("cancel boundaryEvent is not supported: a cancel event belongs to a transaction",
            Assert.Single(errors, p => p.ElementId == "BoundaryEvent_00et2aq").Message, StringComparison.Ordinal);

        // Its script task runs (JavaScript); drawn without format or script, it is a draft not finished yet.
        Assert.Equal(
            ["the scriptTask has no scriptFormat: write javascript", "the scriptTask has no script: write it in its bpmn:script"],
            problems.Where(p => p.ElementId == "Task_1ank6jx").Select(p => p.Message));
        Assert.All(problems.Where(p => p.ElementId == "Task_1ank6jx"), p => Assert.True(p.Unfinished));

        // The transaction sits in the pool not marked executable (Process_0abj3w2): another party's, neither run nor checked.
        Assert.DoesNotContain(problems, p => p.ElementId == "Task_0t0pnde");

        // Manual and plain tasks pass through, as in Camunda 7: nothing to say about them.
        Assert.DoesNotContain(problems, p => p.ElementId is "Task_12nft3n" or "Task_11mt25q" or "Task_194rzhn" or "Task_1ug2w5g");
    }

    [Fact]
    public void Kitchen_sink_events_gateways_and_message_tasks_run_and_are_checked_for_what_they_lack()
    {
        var problems = Parse(KitchenSink).Problems;

        var expected = new (string Id, string Reason)[]
        {
            ("ExclusiveGateway_0w2zn42", "the eventBasedGateway has no outgoing flow"),
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
            ("Task_0qibn8y", "the sendTask names no message"),
            ("Task_0oz8m30", "the receiveTask names no message"),
            ("Task_1mvn5bz", ""),
        };

        foreach (var (id, reason) in expected)
        {
            Assert.DoesNotContain(problems, p => p.ElementId == id && p.Message.Contains("not supported", StringComparison.Ordinal));
            if (reason.Length > 0)
            {
                // Drawn but not finished: a warning on the saved draft, and nothing runs until it is finished.
                Assert.Contains(problems, p => p.ElementId == id && p.Message.StartsWith(reason, StringComparison.Ordinal)
                                               && p is { Severity: ProblemSeverity.Warning, Unfinished: true });
            }
        }

        // A boundary event or task without outgoing flow ends its path there, as in Camunda 7: nothing to say about it.
        Assert.DoesNotContain(problems, p => p.Message.Contains("no outgoing flow", StringComparison.Ordinal)
                                             && p.ElementId != "ExclusiveGateway_0w2zn42");
    }

    [Fact]
    public void Kitchen_sink_supported_elements_are_checked_for_what_they_lack()
    {
        var problems = Parse(KitchenSink).Problems;

        Assert.Contains(DefinitionProblem.Warning("Task_1x2pxcn", "task.no-candidate-roles", "the userTask has no qadam:candidateRoles: name the roles that may claim it"), problems);
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
    public void Pizza_collaboration_without_an_executable_pool_is_a_draft_that_asks_which_pool_runs_and_checks_the_first()
    {
        var result = Parse(Pizza);

        Assert.True(result.CanSave);
        Assert.False(result.CanRun);
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        var pools = result.Problems[0];
        Assert.Equal("_6-1", pools.ElementId);
        Assert.True(pools.Unfinished);
        Assert.Contains("2 processes (_6-1, _6-2) and none is marked isExecutable=\"true\"", pools.Message, StringComparison.Ordinal);
        // The customer's pool, checked meanwhile: its two messages are drawn without names.
        Assert.Equal(["_1275940932310", "_1275940932433"], result.Problems.Skip(1).Select(p => p.ElementId));
    }

    [Fact]
    public void Pizza_collaboration_with_one_pool_marked_executable_checks_that_pool_only()
    {
        var xml = File.ReadAllText(RepositoryFiles.Interop(Pizza));
        var marked = xml.Replace("<semantic:process id=\"_6-2\" isExecutable=\"false\">", "<semantic:process id=\"_6-2\" isExecutable=\"true\">",
            StringComparison.Ordinal);
        Assert.NotEqual(xml, marked);

        var result = BpmnParser.Parse(marked);

        // The vendor's pool is checked (its message has no name, its timer no value: a draft); the customer's pool is not looked at.
        Assert.Equal(["_1275940932198", "_6-219"], result.Problems.Select(p => p.ElementId));
        Assert.True(result.CanSave);
        Assert.DoesNotContain(result.Problems, p => p.ElementId == "CalmCustomerTask");
    }

    [Fact]
    public void Qr_code_runs_its_gateway_as_Camunda_7_does_and_warns_about_the_flows_without_conditions()
    {
        var result = Parse(QrCode);

        // Its plain tasks pass through; the gateway takes the first unconditioned flow, which the modeler is asked to say.
        Assert.True(result.CanRun);
        Assert.Equal(["sid-8B820AF5-DC5C-4618-B854-E08B71FB55CB", "sid-337A23B9-A923-4CCE-B613-3E247B773CCE"],
            result.Problems.Select(p => p.ElementId));
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Contains("leaves exclusiveGateway SCAN_OK without a condition: it counts as true, and the gateway takes the first flow",
            result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transaction_boundaries_ends_paths_at_tasks_without_outgoing_flow_and_lists_what_the_drawing_lacks()
    {
        var result = Parse(TransactionBoundaries);

        // Task_1sj6xof and Task_0s7hgb5 have no outgoing flow: each ends its path (an implicit end), as in Camunda 7.
        Assert.True(result.CanSave);
        Assert.Equal(["ReceiveTask_1nfzpjk", "IntermediateCatchEvent_0gmbwuc", "UserTask_16f0qs5"], result.Problems.Select(p => p.ElementId));
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Equal(["ReceiveTask_1nfzpjk", "IntermediateCatchEvent_0gmbwuc"], result.Problems.Where(p => p.Unfinished).Select(p => p.ElementId));
    }

    [Fact]
    public void Nested_sub_processes_lack_only_candidate_roles()
    {
        var problems = Parse(NestedSubProcesses).Problems;

        Assert.All(problems, p => Assert.Equal("the userTask has no qadam:candidateRoles: name the roles that may claim it", p.Message));
        Assert.All(problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
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
