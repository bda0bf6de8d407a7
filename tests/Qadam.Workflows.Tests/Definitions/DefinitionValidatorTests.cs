using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using static Qadam.Workflows.Tests.Definitions.BpmnDocument;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>Each rule with an invalid example: the problem names the element to fix, and says why.</summary>
public sealed class DefinitionValidatorTests
{
    private static void AssertProblem(string xml, string elementId, string reason, DefinitionCatalog? catalog = null)
    {
        var problem = SingleProblem(xml, elementId, catalog);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>What only publishing needs: the draft is saved (and runs in a dry run), publishing is refused.</summary>
    private static void AssertWarning(string xml, string elementId, string reason)
    {
        var problem = SingleProblem(xml, elementId);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_with_an_unknown_source_or_target_names_the_flow()
    {
        var xml = Around(UserTaskStep + """<bpmn:sequenceFlow id="Stray" sourceRef="Step" targetRef="Nowhere" />""");

        AssertProblem(xml, "Stray", "targetRef 'Nowhere' names no flow node");
        AssertProblem(Around(UserTaskStep + """<bpmn:sequenceFlow id="Stray" sourceRef="Ghost" targetRef="End" />"""), "Stray", "sourceRef 'Ghost'");
    }

    [Fact]
    public void Start_event_with_incoming_flow_is_refused()
    {
        AssertProblem(Around(UserTaskStep + """<bpmn:sequenceFlow id="Back" sourceRef="Step" targetRef="Start" />"""), "Start", "the start event has incoming flow (Back)");
    }

    [Fact]
    public void End_event_with_outgoing_flow_is_refused()
    {
        AssertProblem(Around(UserTaskStep + """<bpmn:sequenceFlow id="Again" sourceRef="End" targetRef="Step" />"""), "End", "the end event has outgoing flow (Again)");
    }

    [Fact]
    public void Task_without_outgoing_flow_ends_its_path_as_in_Camunda_7()
    {
        var xml = Around(UserTaskStep + """<bpmn:userTask id="DeadEnd" qadam:candidateRoles="head" /><bpmn:sequenceFlow id="X" sourceRef="Step" targetRef="DeadEnd" />""");

        Assert.True(BpmnParser.Parse(xml).IsValid, string.Join("; ", BpmnParser.Parse(xml).Problems));
    }

    [Fact]
    public void Boundary_event_without_outgoing_flow_ends_its_path_as_in_Camunda_7()
    {
        var xml = Around(UserTaskStep + """<bpmn:boundaryEvent id="Late" attachedToRef="Step"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""");

        Assert.True(BpmnParser.Parse(xml).IsValid, string.Join("; ", BpmnParser.Parse(xml).Problems));
    }

    [Fact]
    public void Gateway_without_outgoing_flow_is_a_drawing_not_finished()
    {
        var xml = Around(UserTaskStep + """<bpmn:parallelGateway id="Split" /><bpmn:sequenceFlow id="X" sourceRef="Step" targetRef="Split" />""");

        var problem = SingleProblem(xml, "Split");
        Assert.Equal("the parallelGateway has no outgoing flow", problem.Message);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.True(problem.Unfinished);
        Assert.True(BpmnParser.Parse(xml).CanSave);
        Assert.False(BpmnParser.Parse(xml).CanRun);
    }

    [Fact]
    public void A_flow_without_a_target_is_a_drawing_not_finished()
    {
        var xml = Around(UserTaskStep + """<bpmn:sequenceFlow id="Loose" sourceRef="Step" />""");

        var problem = SingleProblem(xml, "Loose");
        Assert.Equal("the sequence flow has no targetRef", problem.Message);
        Assert.True(problem is { Severity: ProblemSeverity.Warning, Unfinished: true });
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void A_flow_leaving_a_deciding_gateway_without_condition_or_default_is_named(string gateway)
    {
        var xml = Process(
            $"""
            <bpmn:startEvent id="Start" />
            <bpmn:{gateway} id="Decide" />
            <bpmn:endEvent id="Yes" />
            <bpmn:endEvent id="No" />
            <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Decide" />
            <bpmn:sequenceFlow id="Approved" sourceRef="Decide" targetRef="Yes"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Otherwise" sourceRef="Decide" targetRef="No" />
            """);

        AssertWarning(xml, "Otherwise", $"the flow leaves {gateway} Decide without a condition");
        Assert.True(BpmnParser.Parse(xml).CanRun);
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_refused()
    {
        var xml = Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="Decide" default="Otherwise" />
            <bpmn:endEvent id="Yes" />
            <bpmn:endEvent id="No" />
            <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Decide" />
            <bpmn:sequenceFlow id="Approved" sourceRef="Decide" targetRef="Yes"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Otherwise" sourceRef="Decide" targetRef="No"><bpmn:conditionExpression>!approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        AssertProblem(xml, "Otherwise", "a default flow has none");
    }

    [Fact]
    public void A_default_that_does_not_leave_the_gateway_names_the_gateway()
    {
        var xml = Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="Decide" default="In" />
            <bpmn:endEvent id="Yes" />
            <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Decide" />
            <bpmn:sequenceFlow id="Approved" sourceRef="Decide" targetRef="Yes" />
            """);

        AssertProblem(xml, "Decide", "the default flow 'In' is not a sequence flow leaving this gateway");
    }

    [Fact]
    public void A_condition_on_a_flow_that_does_not_leave_a_deciding_gateway_is_refused()
    {
        var xml = Around(UserTaskStep).Replace(
            """<bpmn:sequenceFlow id="FromStep" sourceRef="Step" targetRef="End" />""",
            """<bpmn:sequenceFlow id="FromStep" sourceRef="Step" targetRef="End"><bpmn:conditionExpression>done</bpmn:conditionExpression></bpmn:sequenceFlow>""",
            StringComparison.Ordinal);

        AssertProblem(xml, "FromStep", "conditions are evaluated on flows leaving exclusive and inclusive gateways only");
    }

    [Fact]
    public void An_element_no_start_event_reaches_is_named()
    {
        var xml = Around(UserTaskStep + """<bpmn:userTask id="Orphan" qadam:candidateRoles="head" /><bpmn:sequenceFlow id="X" sourceRef="Orphan" targetRef="End" />""");

        AssertWarning(xml, "Orphan", "the userTask cannot be reached from any start event of the process");
    }

    [Fact]
    public void Elements_after_a_boundary_event_are_reached_through_its_activity()
    {
        Valid(Around(
            UserTaskStep
            + """
              <bpmn:boundaryEvent id="Late" attachedToRef="Step"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:userTask id="Escalate" qadam:candidateRoles="head" />
              <bpmn:sequenceFlow id="L" sourceRef="Late" targetRef="Escalate" />
              <bpmn:sequenceFlow id="E" sourceRef="Escalate" targetRef="End" />
              """));
    }

    [Fact]
    public void A_process_without_a_start_event_is_named()
    {
        AssertProblem(Process("""<bpmn:endEvent id="End" />"""), "Process_1", "the process has no start event");
    }

    [Fact]
    public void A_second_none_start_event_of_the_process_is_named()
    {
        var xml = Around(UserTaskStep + """<bpmn:startEvent id="Again" /><bpmn:sequenceFlow id="X" sourceRef="Again" targetRef="Step" />""");

        AssertProblem(xml, "Again", "a second none start event (the first is Start)");
    }

    [Fact]
    public void A_sub_process_without_a_start_event_is_named()
    {
        AssertProblem(Around("""<bpmn:subProcess id="Step"><bpmn:endEvent id="Inner" /></bpmn:subProcess>"""), "Step", "the sub-process has no none start event");
    }

    [Fact]
    public void A_sub_process_with_two_none_start_events_is_named()
    {
        var xml = Around(
            """
            <bpmn:subProcess id="Step">
              <bpmn:startEvent id="S1" /><bpmn:startEvent id="S2" /><bpmn:endEvent id="E1" />
              <bpmn:sequenceFlow id="A" sourceRef="S1" targetRef="E1" /><bpmn:sequenceFlow id="B" sourceRef="S2" targetRef="E1" />
            </bpmn:subProcess>
            """);

        AssertProblem(xml, "Step", "the sub-process has 2 none start events (S1, S2): it needs exactly one");
    }

    [Fact]
    public void A_sub_process_start_with_a_trigger_is_named()
    {
        var xml = Around(
            """
            <bpmn:subProcess id="Step">
              <bpmn:startEvent id="S0" />
              <bpmn:startEvent id="Timed"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:endEvent id="E1" />
              <bpmn:sequenceFlow id="A" sourceRef="S0" targetRef="E1" /><bpmn:sequenceFlow id="B" sourceRef="Timed" targetRef="E1" />
            </bpmn:subProcess>
            """);

        AssertProblem(xml, "Timed", "a start event inside a sub-process must be a none start event");
    }

    [Fact]
    public void A_flow_crossing_a_sub_process_boundary_is_named()
    {
        var xml = Around(
            """
            <bpmn:subProcess id="Step">
              <bpmn:startEvent id="S0" /><bpmn:endEvent id="E0" />
              <bpmn:sequenceFlow id="A" sourceRef="S0" targetRef="E0" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="Leak" sourceRef="S0" targetRef="End" />
            """);

        AssertProblem(xml, "Leak", "crosses a sub-process boundary");
    }

    public static TheoryData<string, string, string> BadExpressions => new()
    {
        {
            """<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics qadam:collection="members"><bpmn:completionCondition>votes &gt;</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""",
            "Step", "completionCondition 'votes >' does not parse as JavaScript"
        },
        {
            """<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics qadam:collection="members["/></bpmn:userTask>""",
            "Step", "qadam:collection 'members[' does not parse as JavaScript"
        },
        {
            """<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${count +}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""",
            "Step", "loopCardinality 'count +' does not parse as JavaScript"
        },
        { """<bpmn:userTask id="Step" qadam:candidateRoles="c" qadam:deadline="=filedOn +" />""", "Step", "qadam:deadline 'filedOn +' does not parse" },
        { """<bpmn:userTask id="Step" qadam:candidateRoles="c" qadam:organisationScope="=case.(" />""", "Step", "qadam:organisationScope 'case.(' does not parse" },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition><bpmn:timeDate>=return on</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""",
            "Step", "the timer 'return on' does not parse"
        },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:messageEventDefinition messageRef="M" qadam:correlationKey="case number" /></bpmn:intermediateCatchEvent>""",
            "Step", "qadam:correlationKey 'case number' does not parse"
        },
        {
            """<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics qadam:collection="x; y"/></bpmn:userTask>""",
            "Step", "does not parse as JavaScript"
        },
    };

    [Theory]
    [MemberData(nameof(BadExpressions))]
    public void An_expression_that_does_not_parse_names_its_element(string step, string id, string reason)
    {
        AssertProblem(Around(step, """<bpmn:message id="M" name="m" />"""), id, reason);
    }

    [Fact]
    public void A_condition_that_does_not_parse_names_its_flow()
    {
        var xml = Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="Decide" default="No" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Decide" />
            <bpmn:sequenceFlow id="Yes" sourceRef="Decide" targetRef="End"><bpmn:conditionExpression>${age &gt;= }</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="No" sourceRef="Decide" targetRef="End" />
            """);

        AssertProblem(xml, "Yes", "the condition 'age >=' does not parse as JavaScript");
    }

    [Theory]
    [InlineData("timeDuration", "3 days", "is not an ISO 8601 duration")]
    [InlineData("timeDuration", "P", "is not an ISO 8601 duration")]
    [InlineData("timeDuration", "-P1D", "is not an ISO 8601 duration")]
    [InlineData("timeDuration", "P2W", "is not an ISO 8601 duration")]
    [InlineData("timeDate", "2026-09-01T09:00:00", "is not an ISO 8601 date-time with an offset")]
    [InlineData("timeDate", "2026-13-01T09:00:00Z", "is not an ISO 8601 date-time with an offset")]
    [InlineData("timeCycle", "R3/PT1H", "repeats only on a timer start event")]
    public void A_timer_that_is_not_iso_8601_names_its_event(string element, string value, string reason)
    {
        var xml = Around($"""<bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition><bpmn:{element}>{value}</bpmn:{element}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

        AssertProblem(xml, "Step", reason);
    }

    [Theory]
    [InlineData("R3/P1D/x")]
    [InlineData("R3")]
    [InlineData("Rx/PT1H")]
    [InlineData("R/2026-09-01T09:00:00/P1D")]
    public void A_timer_cycle_that_is_not_iso_8601_names_its_start(string cycle)
    {
        var xml = Process(
            $"""
            <bpmn:startEvent id="Clock"><bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Clock" targetRef="End" />
            """);

        AssertProblem(xml, "Clock", "is not an ISO 8601 cycle");
    }

    [Fact]
    public void A_timer_without_a_value_names_its_event()
    {
        AssertProblem(
            Around("""<bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition><bpmn:timeDate /></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
            "Step",
            "the timer has no timeDate, timeDuration or timeCycle value");
    }

    [Theory]
    [InlineData("10 days")]
    [InlineData("2026-09-01")]
    public void A_deadline_that_is_neither_duration_nor_date_time_is_refused(string deadline)
    {
        AssertProblem(Around($"""<bpmn:userTask id="Step" qadam:candidateRoles="head" qadam:deadline="{deadline}" />"""), "Step", "qadam:deadline:");
    }

    [Theory]
    [InlineData("P10D")]
    [InlineData("2026-09-01T18:00:00+05:00")]
    [InlineData("=addWorkingDays(filedOn, 10)")]
    public void A_deadline_may_be_a_duration_a_date_time_or_an_expression(string deadline)
    {
        Valid(Around($"""<bpmn:userTask id="Step" qadam:candidateRoles="head" qadam:deadline="{deadline}" />"""));
    }

    [Fact]
    public void A_user_task_without_candidate_roles_is_a_warning_that_blocks_publishing()
    {
        AssertWarning(Around("""<bpmn:userTask id="Step" qadam:candidateRoles=" , " />"""), "Step", "the userTask has no qadam:candidateRoles");
    }

    [Fact]
    public void A_service_task_without_an_activity_is_a_warning_that_blocks_publishing()
    {
        AssertWarning(Around("""<bpmn:serviceTask id="Step" />"""), "Step", "the serviceTask has no qadam:activity");
    }

    [Fact]
    public void A_business_rule_task_needs_a_table_and_a_valid_result_variable()
    {
        AssertWarning(Around("""<bpmn:businessRuleTask id="Step" qadam:resultVariable="cap" />"""), "Step", "has no qadam:table");
        AssertWarning(Around("""<bpmn:businessRuleTask id="Step" qadam:table="caps" />"""), "Step", "has no qadam:resultVariable");
        AssertProblem(Around("""<bpmn:businessRuleTask id="Step" qadam:table="caps" qadam:resultVariable="class cap" />"""), "Step", "'class cap' is not a variable name");
    }

    [Fact]
    public void A_call_activity_without_called_element_is_a_warning_that_blocks_publishing()
    {
        AssertWarning(Around("""<bpmn:callActivity id="Step" />"""), "Step", "the callActivity has no calledElement");
    }

    [Fact]
    public void A_multi_instance_task_needs_exactly_one_of_collection_and_cardinality()
    {
        AssertProblem(
            Around("""<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>"""),
            "Step",
            "has neither a collection (qadam:collection) nor loopCardinality");
        AssertProblem(
            Around("""<bpmn:userTask id="Step" qadam:candidateRoles="c"><bpmn:multiInstanceLoopCharacteristics qadam:collection="m"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"""),
            "Step",
            "has both a collection and loopCardinality: keep one");
    }

    [Fact]
    public void A_boundary_event_attached_to_a_gateway_or_to_nothing_is_refused()
    {
        var timer = """<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>""";
        var onGateway = Process(
            $"""
            <bpmn:startEvent id="Start" /><bpmn:parallelGateway id="G" /><bpmn:endEvent id="End" />
            <bpmn:boundaryEvent id="B" attachedToRef="G">{timer}</bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="End" />
            """);
        var result = Parse(onGateway);
        Assert.Contains(result.Problems, p => p is { ElementId: "B" } && p.Message.Contains("boundary events attach to tasks", StringComparison.Ordinal));

        var loose = Around(UserTaskStep + $"""<bpmn:boundaryEvent id="B" attachedToRef="Missing">{timer}</bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="End" />""");
        Assert.Contains(Parse(loose).Problems, p => p is { ElementId: "B" } && p.Message.Contains("attachedToRef 'Missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_interrupting_error_boundary_event_is_refused()
    {
        var xml = Around(UserTaskStep + """<bpmn:boundaryEvent id="Err" attachedToRef="Step" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="X" sourceRef="Err" targetRef="End" />""");

        AssertProblem(xml, "Err", "an error boundary event always interrupts");
    }

    private const string Referencing =
        """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Review" qadam:candidateRoles="head" qadam:formKey="review-form" />
        <bpmn:serviceTask id="Render" qadam:activity="render-document" qadam:templateKey="transfer-order" />
        <bpmn:businessRuleTask id="Caps" qadam:table="class-caps" qadam:resultVariable="cap" />
        <bpmn:callActivity id="Appeal" calledElement="appeal" />
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
        <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Render" />
        <bpmn:sequenceFlow id="F3" sourceRef="Render" targetRef="Caps" />
        <bpmn:sequenceFlow id="F4" sourceRef="Caps" targetRef="Appeal" />
        <bpmn:sequenceFlow id="F5" sourceRef="Appeal" targetRef="End" />
        """;

    [Fact]
    public void References_missing_from_the_catalog_are_named_and_null_sets_check_nothing()
    {
        var empty = new HashSet<string>(StringComparer.Ordinal);
        var catalog = new DefinitionCatalog(empty, empty, empty, empty, empty);

        var result = Parse(Process(Referencing), catalog);

        Assert.Equal(
            [
                DefinitionProblem.Warning("Review", "reference.unknown", "there is no form 'review-form'"),
                DefinitionProblem.Warning("Render", "reference.unknown", "there is no document template 'transfer-order'"),
                DefinitionProblem.Warning("Render", "reference.unknown", "there is no activity 'render-document'"),
                DefinitionProblem.Warning("Caps", "reference.unknown", "there is no condition table 'class-caps'"),
                DefinitionProblem.Warning("Appeal", "reference.unknown", "there is no definition 'appeal'"),
            ],
            result.Problems);
        Assert.True(Parse(Process(Referencing), DefinitionCatalog.None).IsValid);
        Assert.True(Parse(Process(Referencing), new DefinitionCatalog(Activities: new HashSet<string>(["render-document"], StringComparer.Ordinal))).IsValid);
    }

    [Fact]
    public void Validate_checks_a_parsed_model_again_with_a_fuller_catalog()
    {
        var model = Valid(Process(Referencing));
        var known = new HashSet<string>(["review-form", "render-document", "transfer-order", "class-caps"], StringComparer.Ordinal);

        var problems = DefinitionValidator.Validate(model, new DefinitionCatalog(known, known, known, known, known));

        Assert.Equal([DefinitionProblem.Warning("Appeal", "reference.unknown", "there is no definition 'appeal'")], problems);
    }

    [Fact]
    public void A_signing_step_naming_a_document_no_step_renders_is_refused_with_the_key()
    {
        var xml = Process(Referencing.Replace(
            "qadam:formKey=\"review-form\"", "qadam:formKey=\"review-form\" qadam:signs=\"transfer-order, parent-notice\"", StringComparison.Ordinal));
        var known = new HashSet<string>(["review-form", "render-document", "transfer-order", "parent-notice", "class-caps", "appeal"], StringComparer.Ordinal);

        var model = Valid(xml);

        Assert.Equal(
            [new DefinitionProblem("Review", "qadam:signs names 'parent-notice' but no service task renders it (qadam:templateKey)")],
            DefinitionValidator.Validate(model, new DefinitionCatalog(known, known, known, known, known)));
        Assert.Equal(["transfer-order", "parent-notice"], model.Nodes.OfType<UserTask>().Single().Extension.Signs);
    }

    [Fact]
    public void Any_prefix_of_a_valid_file_gives_problems_and_never_an_exception()
    {
        var xml = Process(Referencing);
        for (var length = 0; length < xml.Length; length += 7)
        {
            var result = Parse(xml[..length]);
            Assert.False(result.IsValid);
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.ElementId)));
        }
    }
}
