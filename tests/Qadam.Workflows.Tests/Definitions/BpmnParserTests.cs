using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using static Qadam.Workflows.Tests.Definitions.BpmnDocument;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>Each supported element kind reads into the right model; the rest is refused by id.</summary>
public sealed partial class BpmnParserTests
{
    [Fact]
    public void None_start_user_task_and_none_end_link_into_one_scope()
    {
        var model = Valid(Around(UserTaskStep));

        Assert.Equal("Process_1", model.Id);
        var start = Assert.IsType<StartEvent>(model.Node("Start"));
        Assert.Same(NoneTrigger.Instance, start.Trigger);
        Assert.Same(start, model.Root.NoneStart);
        var task = Assert.IsType<UserTask>(model.Node("Step"));
        Assert.Equal(["head"], task.Extension.CandidateRoles);
        Assert.Null(task.MultiInstance);
        var end = Assert.IsType<EndEvent>(model.Node("End"));
        Assert.Same(NoneTrigger.Instance, end.Trigger);

        var flow = Assert.Single(start.Outgoing);
        Assert.Equal("ToStep", flow.Id);
        Assert.Same(task, flow.Target);
        Assert.Same(flow, Assert.Single(task.Incoming));
        Assert.Same(model.Root, task.Scope);
        Assert.Same(model.Root, flow.Scope);
        Assert.Equal(5, model.Elements.Count);
    }

    [Fact]
    public void Message_start_reads_the_message_name_and_the_correlation_key_of_the_message()
    {
        var model = Valid(Process(
            """
            <bpmn:startEvent id="Filed"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Filed" targetRef="End" />
            """,
            """<bpmn:message id="Msg" name="appeal-filed" qadam:correlationKey="${caseNumber}" />"""));

        var start = Assert.IsType<StartEvent>(model.Node("Filed"));
        Assert.Equal(new MessageTrigger("appeal-filed", "caseNumber"), start.Trigger);
    }

    [Fact]
    public void Correlation_key_on_the_event_definition_wins_over_the_message()
    {
        var model = Valid(Around(
            """
            <bpmn:intermediateCatchEvent id="Step">
              <bpmn:messageEventDefinition messageRef="Msg" qadam:correlationKey="child.iin" />
            </bpmn:intermediateCatchEvent>
            """,
            """<bpmn:message id="Msg" name="documents-received" qadam:correlationKey="caseNumber" />"""));

        var wait = Assert.IsType<IntermediateCatchEvent>(model.Node("Step"));
        Assert.Equal(new MessageTrigger("documents-received", "child.iin"), wait.Trigger);
    }

    [Theory]
    [InlineData("timeDate", "2026-09-01T09:00:00+05:00", TimerKind.Date, "2026-09-01T09:00:00+05:00")]
    [InlineData("timeDuration", "P3D", TimerKind.Duration, "P3D")]
    [InlineData("timeDuration", "PT2H30M", TimerKind.Duration, "PT2H30M")]
    [InlineData("timeCycle", "R3/PT1H", TimerKind.Cycle, "R3/PT1H")]
    [InlineData("timeCycle", "R/2026-09-01T09:00:00Z/P1D", TimerKind.Cycle, "R/2026-09-01T09:00:00Z/P1D")]
    [InlineData("timeDate", "=decision.returnOn", TimerKind.Date, "=decision.returnOn")]
    [InlineData("timeDuration", "${reviewPeriod}", TimerKind.Duration, "=reviewPeriod")]
    public void Timer_start_reads_kind_and_value(string element, string text, TimerKind kind, string value)
    {
        var model = Valid(Process(
            $"""
            <bpmn:startEvent id="Clock"><bpmn:timerEventDefinition><bpmn:{element}>{text}</bpmn:{element}></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Clock" targetRef="End" />
            """));

        var start = Assert.IsType<StartEvent>(model.Node("Clock"));
        Assert.Equal(new TimerTrigger(kind, value), start.Trigger);
    }

    [Fact]
    public void Intermediate_timer_catch_event_waits_for_a_duration()
    {
        var model = Valid(Around(
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"> P10D </bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""));

        var wait = Assert.IsType<IntermediateCatchEvent>(model.Node("Step"));
        Assert.Equal(new TimerTrigger(TimerKind.Duration, "P10D"), wait.Trigger);
    }

    [Fact]
    public void Error_and_terminate_end_events_read_their_trigger()
    {
        var model = Valid(Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Split" />
            <bpmn:endEvent id="Refused"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>
            <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Split" />
            <bpmn:sequenceFlow id="F2" sourceRef="Split" targetRef="Refused" />
            <bpmn:sequenceFlow id="F3" sourceRef="Split" targetRef="Stop" />
            """,
            """<bpmn:error id="Err" name="Refusal" errorCode="application-refused" />"""));

        Assert.Equal(new ErrorTrigger("application-refused"), Assert.IsType<EndEvent>(model.Node("Refused")).Trigger);
        Assert.Same(TerminateTrigger.Instance, Assert.IsType<EndEvent>(model.Node("Stop")).Trigger);
        var split = Assert.IsType<ParallelGateway>(model.Node("Split"));
        Assert.Equal(["F2", "F3"], split.Outgoing.Select(f => f.Id));
    }

    [Fact]
    public void Boundary_timer_and_error_events_attach_to_their_activity()
    {
        var model = Valid(Around(
            """
            <bpmn:userTask id="Step" qadam:candidateRoles="head" />
            <bpmn:boundaryEvent id="Remind" attachedToRef="Step" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Overdue" attachedToRef="Step">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Failed" attachedToRef="Step"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:endEvent id="Reminded" />
            <bpmn:endEvent id="Escalated" />
            <bpmn:endEvent id="Errored" />
            <bpmn:sequenceFlow id="R" sourceRef="Remind" targetRef="Reminded" />
            <bpmn:sequenceFlow id="O" sourceRef="Overdue" targetRef="Escalated" />
            <bpmn:sequenceFlow id="E" sourceRef="Failed" targetRef="Errored" />
            """));

        var task = model.Node("Step");
        var remind = Assert.IsType<BoundaryEvent>(model.Node("Remind"));
        Assert.False(remind.CancelActivity);
        Assert.Same(task, remind.AttachedTo);
        Assert.Equal(new TimerTrigger(TimerKind.Duration, "P2D"), remind.Trigger);
        Assert.True(Assert.IsType<BoundaryEvent>(model.Node("Overdue")).CancelActivity);
        var failed = Assert.IsType<BoundaryEvent>(model.Node("Failed"));
        Assert.Equal(new ErrorTrigger(null), failed.Trigger);
        Assert.Equal(["Remind", "Overdue", "Failed"], task.Boundaries.Select(b => b.Id));
    }

    [Fact]
    public void User_task_reads_every_extension_attribute_and_its_legal_basis()
    {
        var model = Valid(Around(
            """
            <bpmn:userTask id="Step" name="Review" qadam:candidateRoles="psychologist, head ,," qadam:organisationScope="parent"
                qadam:formKey="review-form" qadam:templateKey="review-act" qadam:deadline="P10D" qadam:signs="review-act, order"
                qadam:labelKk="Қарау" qadam:labelRu="Рассмотрение">
              <bpmn:extensionElements>
                <qadam:legalBasis act="Приказ МП РК от 27.11.2023 № 349" edition="2025-103" paragraph="Прил. 2, п. 5" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            """));

        var task = Assert.IsType<UserTask>(model.Node("Step"));
        Assert.Equal("Review", task.Name);
        Assert.Equal(
            new QadamAttributes
            {
                CandidateRoles = task.Extension.CandidateRoles,
                Signs = task.Extension.Signs,
                OrganisationScope = "parent",
                FormKey = "review-form",
                TemplateKey = "review-act",
                Deadline = "P10D",
                LabelKk = "Қарау",
                LabelRu = "Рассмотрение",
                LegalBasis = new LegalBasis("Приказ МП РК от 27.11.2023 № 349", "2025-103", "Прил. 2, п. 5"),
            },
            task.Extension);
        Assert.Equal(["psychologist", "head"], task.Extension.CandidateRoles);
        Assert.Equal(["review-act", "order"], task.Extension.Signs);
    }

    [Fact]
    public void Parallel_multi_instance_user_task_reads_collection_variables_and_completion_condition()
    {
        var model = Valid(Around(
            """
            <bpmn:userTask id="Step" qadam:candidateRoles="council-member">
              <bpmn:multiInstanceLoopCharacteristics qadam:collection="councilMembers" qadam:elementVariable="member" qadam:outputCollection="votes">
                <bpmn:completionCondition>${votes.filter(v => v.yes).length > nrOfInstances / 2}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """));

        var task = Assert.IsType<UserTask>(model.Node("Step"));
        Assert.Equal(
            new MultiInstance
            {
                Collection = "councilMembers",
                ElementVariable = "member",
                OutputCollection = "votes",
                CompletionCondition = "votes.filter(v => v.yes).length > nrOfInstances / 2",
            },
            task.MultiInstance);
    }

    [Fact]
    public void Multi_instance_by_cardinality_defaults_the_element_variable_to_item()
    {
        var model = Valid(Around(
            """
            <bpmn:userTask id="Step" qadam:candidateRoles="council-member">
              <bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:loopCardinality>5</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """));

        var loop = Assert.IsType<UserTask>(model.Node("Step")).MultiInstance!;
        Assert.Equal("5", loop.Cardinality);
        Assert.Null(loop.Collection);
        Assert.Equal("item", loop.ElementVariable);
    }

    [Fact]
    public void Service_task_business_rule_task_and_call_activity_read_their_bindings()
    {
        var model = Valid(Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:serviceTask id="Render" qadam:activity="render-document" qadam:templateKey="transfer-order" />
            <bpmn:businessRuleTask id="Caps" qadam:table="class-caps" qadam:resultVariable="cap" />
            <bpmn:callActivity id="Appeal" calledElement="appeal" qadam:outputs="decision, decidedOn" />
            <bpmn:callActivity id="Notify" calledElement="notify-parents" />
            <bpmn:callActivity id="Quiet" calledElement="archive" qadam:outputs="" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Render" />
            <bpmn:sequenceFlow id="F2" sourceRef="Render" targetRef="Caps" />
            <bpmn:sequenceFlow id="F3" sourceRef="Caps" targetRef="Appeal" />
            <bpmn:sequenceFlow id="F4" sourceRef="Appeal" targetRef="Notify" />
            <bpmn:sequenceFlow id="F5" sourceRef="Notify" targetRef="Quiet" />
            <bpmn:sequenceFlow id="F6" sourceRef="Quiet" targetRef="End" />
            """));

        var render = Assert.IsType<ServiceTask>(model.Node("Render"));
        Assert.Equal("render-document", render.Activity);
        Assert.Equal("transfer-order", render.Extension.TemplateKey);
        var caps = Assert.IsType<BusinessRuleTask>(model.Node("Caps"));
        Assert.Equal(("class-caps", "cap"), (caps.TableKey, caps.ResultVariable));
        var appeal = Assert.IsType<CallActivity>(model.Node("Appeal"));
        Assert.Equal("appeal", appeal.CalledElement);
        Assert.Equal(["decision", "decidedOn"], appeal.Outputs!);
        Assert.Null(Assert.IsType<CallActivity>(model.Node("Notify")).Outputs);
        Assert.Empty(Assert.IsType<CallActivity>(model.Node("Quiet")).Outputs!);
    }

    [Fact]
    public void Nested_sub_processes_get_their_own_scopes()
    {
        var model = Valid(Around(
            """
            <bpmn:subProcess id="Step">
              <bpmn:startEvent id="OuterStart" />
              <bpmn:subProcess id="Inner">
                <bpmn:startEvent id="InnerStart" />
                <bpmn:userTask id="Check" qadam:candidateRoles="clerk" />
                <bpmn:endEvent id="InnerEnd" />
                <bpmn:sequenceFlow id="I1" sourceRef="InnerStart" targetRef="Check" />
                <bpmn:sequenceFlow id="I2" sourceRef="Check" targetRef="InnerEnd" />
              </bpmn:subProcess>
              <bpmn:endEvent id="OuterEnd" />
              <bpmn:sequenceFlow id="O1" sourceRef="OuterStart" targetRef="Inner" />
              <bpmn:sequenceFlow id="O2" sourceRef="Inner" targetRef="OuterEnd" />
            </bpmn:subProcess>
            """));

        var outer = Assert.IsType<SubProcess>(model.Node("Step"));
        var inner = Assert.IsType<SubProcess>(model.Node("Inner"));
        Assert.Same(model.Root, outer.Scope);
        Assert.Same(outer, outer.Inner.Owner);
        Assert.Same(outer.Inner, inner.Scope);
        Assert.Same(inner.Inner, model.Node("Check").Scope);
        Assert.Equal("InnerStart", inner.Inner.NoneStart!.Id);
        Assert.Equal(["OuterStart", "Inner", "OuterEnd"], outer.Inner.Nodes.Select(n => n.Id));
        Assert.Equal(["I1", "I2"], inner.Inner.Flows.Select(f => f.Id));
        Assert.Contains("I2", model.Elements.Keys);
    }

    [Fact]
    public void Exclusive_gateway_honours_its_default_flow_and_strips_a_camunda_condition_wrapper()
    {
        var model = Valid(Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="Old" default="Younger" />
            <bpmn:endEvent id="A" />
            <bpmn:endEvent id="B" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Old" />
            <bpmn:sequenceFlow id="Older" sourceRef="Old" targetRef="A">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${age &gt;= 10}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Younger" sourceRef="Old" targetRef="B" />
            """));

        var gateway = Assert.IsType<ExclusiveGateway>(model.Node("Old"));
        var older = (SequenceFlow)model.Elements["Older"];
        var younger = (SequenceFlow)model.Elements["Younger"];
        Assert.Equal("age >= 10", older.Condition);
        Assert.False(older.IsDefault);
        Assert.True(younger.IsDefault);
        Assert.Null(younger.Condition);
        Assert.Same(younger, gateway.Default);
    }

    [Fact]
    public void Inclusive_gateway_reads_conditions_and_its_default()
    {
        var model = Valid(Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:inclusiveGateway id="Notify" default="Nobody" />
            <bpmn:inclusiveGateway id="Join" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Notify" />
            <bpmn:sequenceFlow id="Parent" sourceRef="Notify" targetRef="Join"><bpmn:conditionExpression>parentEmail != null</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="School" sourceRef="Notify" targetRef="Join"><bpmn:conditionExpression language="javascript">=schoolNotified === false</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Nobody" sourceRef="Notify" targetRef="Join" />
            <bpmn:sequenceFlow id="Done" sourceRef="Join" targetRef="End" />
            """));

        var gateway = Assert.IsType<InclusiveGateway>(model.Node("Notify"));
        Assert.Equal("Nobody", gateway.Default!.Id);
        Assert.Equal(["parentEmail != null", "schoolNotified === false", null], gateway.Outgoing.Select(f => f.Condition));
        Assert.Equal(3, Assert.IsType<InclusiveGateway>(model.Node("Join")).Incoming.Count);
    }

    [Fact]
    public void Legal_basis_on_the_process_is_read()
    {
        var xml = Around(UserTaskStep).Replace(
            """<bpmn:process id="Process_1" isExecutable="true">""",
            """<bpmn:process id="Process_1" name="Transfer" isExecutable="true"><bpmn:extensionElements><qadam:legalBasis act="Order 349" /></bpmn:extensionElements>""",
            StringComparison.Ordinal);

        var model = Valid(xml);

        Assert.Equal("Transfer", model.Name);
        Assert.Equal(new LegalBasis("Order 349", null, null), model.LegalBasis);
    }

    [Fact]
    public void Diagram_only_content_is_read_past()
    {
        var model = Valid(Around(
            """
            <bpmn:laneSet id="Lanes"><bpmn:lane id="Clerk"><bpmn:flowNodeRef>Step</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            <bpmn:userTask id="Step" qadam:candidateRoles="clerk">
              <bpmn:documentation>Checks the application.</bpmn:documentation>
              <bpmn:incoming>ToStep</bpmn:incoming>
              <bpmn:outgoing>FromStep</bpmn:outgoing>
              <bpmn:property id="Prop" name="__targetRef_placeholder" />
              <bpmn:dataInputAssociation id="In"><bpmn:sourceRef>Doc</bpmn:sourceRef><bpmn:targetRef>Prop</bpmn:targetRef></bpmn:dataInputAssociation>
            </bpmn:userTask>
            <bpmn:dataObject id="DocObject" />
            <bpmn:dataObjectReference id="Doc" dataObjectRef="DocObject" />
            <bpmn:dataStoreReference id="Registry" />
            <bpmn:textAnnotation id="Note"><bpmn:text>Within 10 days</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="Link" sourceRef="Step" targetRef="Note" />
            <bpmn:group id="Group" />
            """));

        Assert.Equal(["Start", "Step", "End"], model.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void In_a_collaboration_the_executable_process_runs_and_a_black_box_pool_and_message_flows_are_ignored()
    {
        var xml = $"""
            {DefinitionsOpen}
              <bpmn:message id="Msg" name="application" />
              <bpmn:collaboration id="Collab">
                <bpmn:participant id="Parent" name="Parent" />
                <bpmn:participant id="School" processRef="Process_1" />
                <bpmn:messageFlow id="Send" sourceRef="Parent" targetRef="Filed" />
              </bpmn:collaboration>
              <bpmn:process id="Process_1" isExecutable="true">
                <bpmn:startEvent id="Filed"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent>
                <bpmn:endEvent id="End" />
                <bpmn:sequenceFlow id="F" sourceRef="Filed" targetRef="End" />
              </bpmn:process>
              <bpmn:process id="Docs" isExecutable="false">
                <bpmn:startEvent id="OtherStart" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var model = Valid(xml);

        Assert.Equal("Process_1", model.Id);
        Assert.DoesNotContain("OtherStart", model.Elements.Keys);
    }

    [Fact]
    public void The_only_process_runs_even_when_not_marked_executable()
    {
        var xml = Around(UserTaskStep).Replace("isExecutable=\"true\"", "isExecutable=\"false\"", StringComparison.Ordinal);

        Assert.Equal("Process_1", Valid(xml).Id);
    }

    [Fact]
    public void Several_processes_with_none_executable_is_a_draft_that_must_say_which_runs()
    {
        var xml = $"""
            {DefinitionsOpen}
              <bpmn:process id="A"><bpmn:startEvent id="S1" /></bpmn:process>
              <bpmn:process id="B"><bpmn:startEvent id="S2" /></bpmn:process>
            </bpmn:definitions>
            """;

        var problem = SingleProblem(xml, "A");

        Assert.Contains("none is marked isExecutable", problem.Message, StringComparison.Ordinal);
        Assert.True(problem is { Severity: ProblemSeverity.Warning, Unfinished: true });
    }

    [Fact]
    public void Two_executable_processes_are_a_problem_naming_the_second()
    {
        var xml = $"""
            {DefinitionsOpen}
              <bpmn:process id="A" isExecutable="true"><bpmn:startEvent id="S1" /></bpmn:process>
              <bpmn:process id="B" isExecutable="true"><bpmn:startEvent id="S2" /></bpmn:process>
            </bpmn:definitions>
            """;

        var problem = SingleProblem(xml, "B");

        Assert.Contains("2 processes are marked isExecutable", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_process_is_refused()
    {
        SingleProblem($"{DefinitionsOpen}</bpmn:definitions>", "Definitions_1");
    }

    [Fact]
    public void A_pool_that_does_not_run_is_not_checked_another_party_drew_it()
    {
        var xml = $"""
            {DefinitionsOpen}
              <bpmn:process id="Process_1" isExecutable="true">
                <bpmn:startEvent id="Start" />
                <bpmn:endEvent id="End" />
                <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
              </bpmn:process>
              <bpmn:process id="Docs">
                <bpmn:transaction id="Pay" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var model = Valid(xml);

        Assert.Equal("Process_1", model.Id);
    }

    public static TheoryData<string, string, string> RefusedElements => new()
    {
        { """<bpmn:scriptTask id="Step" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""", "Step", "the scriptTask is in 'groovy'" },
        { """<bpmn:complexGateway id="Step" />""", "Step", "complexGateway is not supported" },
        { """<bpmn:transaction id="Step"><bpmn:startEvent id="InTx" /></bpmn:transaction>""", "Step", "transaction is not supported" },
        { """<bpmn:adHocSubProcess id="Step" />""", "Step", "adHocSubProcess is not supported" },
        { """<bpmn:intermediateCatchEvent id="Step" />""", "Step", "intermediateCatchEvent has no event definition" },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition /><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>""",
            "Step", "intermediateCatchEvent has 2 event definitions"
        },
        { """<bpmn:userTask id="Step" qadam:candidateRoles="a"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""", "Step", "standard loop" },
        {
            """<bpmn:sendTask id="Step"><bpmn:multiInstanceLoopCharacteristics qadam:collection="x" /></bpmn:sendTask>""",
            "Step", "sendTask is multi-instance, which Qadam runs on user, service, business-rule, manual and plain tasks"
        },
        { UserTaskStep + """<bpmn:boundaryEvent id="Refused" attachedToRef="Step"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>""", "Refused", "cancel boundaryEvent is not supported" },
        { UserTaskStep + """<bpmn:boundaryEvent id="Refused" attachedToRef="Step" />""", "Refused", "boundaryEvent has no event definition" },
    };

    [Theory]
    [MemberData(nameof(RefusedElements))]
    public void An_element_outside_the_subset_is_one_problem_naming_it(string step, string id, string reason)
    {
        var problem = SingleProblem(Around(step), id);

        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_elements_inside_a_refused_container_are_named_too()
    {
        var result = Parse(Around(
            """
            <bpmn:transaction id="Step">
              <bpmn:startEvent id="InStart" />
              <bpmn:complexGateway id="InGateway" />
              <bpmn:subProcess id="InEvents" triggeredByEvent="true">
                <bpmn:startEvent id="OnError"><bpmn:errorEventDefinition /></bpmn:startEvent>
                <bpmn:userTask id="Looping" qadam:candidateRoles="head"><bpmn:standardLoopCharacteristics /></bpmn:userTask>
              </bpmn:subProcess>
            </bpmn:transaction>
            """));

        Assert.Equal(["Step", "InGateway", "Looping"], result.Problems.Select(p => p.ElementId));
    }

    [Fact]
    public void What_follows_a_refused_element_is_not_reported_too()
    {
        var result = Parse(Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:complexGateway id="Script" />
            <bpmn:userTask id="After" qadam:candidateRoles="head" />
            <bpmn:userTask id="Escalate" qadam:candidateRoles="head" />
            <bpmn:boundaryEvent id="Signal" attachedToRef="After"><bpmn:signalEventDefinition /></bpmn:boundaryEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script" />
            <bpmn:sequenceFlow id="F2" sourceRef="Script" targetRef="After" />
            <bpmn:sequenceFlow id="F3" sourceRef="After" targetRef="End" />
            <bpmn:sequenceFlow id="F4" sourceRef="Signal" targetRef="Escalate" />
            <bpmn:sequenceFlow id="F5" sourceRef="Escalate" targetRef="End" />
            """));

        Assert.Equal(["Script", "Signal"], result.Problems.Select(p => p.ElementId));
    }

    [Fact]
    public void A_qadam_attribute_the_descriptor_does_not_declare_there_is_refused()
    {
        var result = Parse(Around("""<bpmn:userTask id="Step" qadam:candidateRoles="head" qadam:candidateRole="clerk" qadam:activity="notify" />"""));

        Assert.Equal(
            [
                new DefinitionProblem("Step", "qadam:candidateRole is not an attribute of userTask (see qadam.moddle.json)"),
                new DefinitionProblem("Step", "qadam:activity is not an attribute of userTask (see qadam.moddle.json)"),
            ],
            result.Problems);
    }

    [Fact]
    public void A_qadam_element_other_than_the_legal_basis_is_refused()
    {
        var problem = SingleProblem(
            Around("""<bpmn:userTask id="Step" qadam:candidateRoles="head"><bpmn:extensionElements><qadam:form key="x" /></bpmn:extensionElements></bpmn:userTask>"""),
            "Step");

        Assert.Equal("qadam:form is not allowed here (see qadam.moddle.json)", problem.Message);
    }

    [Fact]
    public void A_legal_basis_without_an_act_is_refused()
    {
        var problem = SingleProblem(
            Around("""<bpmn:userTask id="Step" qadam:candidateRoles="head"><bpmn:extensionElements><qadam:legalBasis paragraph="5" /></bpmn:extensionElements></bpmn:userTask>"""),
            "Step");

        Assert.Contains("needs act", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_vendors_extensions_are_ignored()
    {
        var xml = Around(
            """
            <bpmn:userTask id="Step" qadam:candidateRoles="head" camunda:assignee="demo" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:userTask>
            """);

        Assert.IsType<UserTask>(Valid(xml).Node("Step"));
    }

    [Fact]
    public void Duplicate_ids_are_one_problem_per_id()
    {
        var result = Parse(Around(UserTaskStep + """<bpmn:userTask id="Step" qadam:candidateRoles="head" />"""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Step", problem.ElementId);
        Assert.Contains("used by 2 elements", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_message_and_error_references_name_the_event()
    {
        var result = Parse(Process(
            """
            <bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="Nope" /></bpmn:startEvent>
            <bpmn:endEvent id="End"><bpmn:errorEventDefinition errorRef="Missing" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            """));

        Assert.Equal(["Start", "End"], result.Problems.Select(p => p.ElementId));
    }

    [Fact]
    public void A_message_without_a_name_is_named_itself()
    {
        var result = Parse(Process(
            """
            <bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            """,
            """<bpmn:message id="Msg" />"""));

        Assert.Equal("Msg", Assert.Single(result.Problems).ElementId);
    }

    [Fact]
    public void A_condition_in_another_language_is_refused()
    {
        var xml = Process(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="G" default="B" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="A" sourceRef="G" targetRef="End"><bpmn:conditionExpression language="groovy">x == 1</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="B" sourceRef="G" targetRef="End" />
            """);

        Assert.Contains("'groovy'", SingleProblem(xml, "A").Message, StringComparison.Ordinal);
    }
}
