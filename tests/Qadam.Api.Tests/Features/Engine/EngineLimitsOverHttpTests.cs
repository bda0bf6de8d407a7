using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Engine;

/// <summary>
/// What a hostile or careless pathway asks of the engine is refused with a 422 problem naming the element and the limit,
/// never an allocation or a 500, and the API keeps answering meanwhile: a concurrent GET /health comes back within a second.
/// </summary>
public sealed class EngineLimitsOverHttpTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static string Pathway(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:qadam="http://qadam.kz/schema/bpmn" id="defs_{key}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            {body}
            <bpmn:userTask id="done" qadam:candidateRoles="clerk" qadam:labelKk="Дайын" qadam:labelRu="Готово" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="done" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Count(string key, string cardinality) => Pathway(key, $"""
        <bpmn:userTask id="school" qadam:candidateRoles="head" qadam:labelKk="Мектеп" qadam:labelRu="Школа">
          <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>{cardinality}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="school" />
        <bpmn:sequenceFlow id="f2" sourceRef="school" targetRef="done" />
        """);

    private static string Condition(string key, string condition) => Pathway(key, $"""
        <bpmn:exclusiveGateway id="check" default="toDone" />
        <bpmn:userTask id="other" qadam:candidateRoles="clerk" qadam:labelKk="Басқа" qadam:labelRu="Другое" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
        <bpmn:sequenceFlow id="toOther" sourceRef="check" targetRef="other">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toDone" sourceRef="check" targetRef="done" />
        <bpmn:sequenceFlow id="f3" sourceRef="other" targetRef="end" />
        """);

    public static TheoryData<string, string, string, string, string> Refusals => new()
    {
        // key, BPMN kind, what the case data holds, element named, words of the problem
        { "limit-count-huge", "count:data.count", """{"count":1e10}""", "school", "would have 10,000,000,000 instances; at most 10,000 are allowed" },
        { "limit-count-negative", "count:data.count", """{"count":-5}""", "school", "the number of instances is a whole number from 0" },
        { "limit-count-fraction", "count:data.count", """{"count":2.5}""", "school", "the number of instances is a whole number from 0" },
        { "limit-regex", "condition:/^(a+)+$/.test(data.text)", """{"text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}""", "toOther", "took too long" },
        { "limit-memory", "condition:'x'.repeat(2 ** 28).length > 0", "{}", "toOther", "used too much memory" },
        { "limit-array", "condition:new Array(2 ** 26).fill(0).length > 0", "{}", "toOther", "failed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_case_whose_pathway_passes_a_limit_is_refused_with_422_while_health_keeps_answering(
        string key, string kind, string data, string element, string words)
    {
        var (shape, text) = (kind[..kind.IndexOf(':', StringComparison.Ordinal)], kind[(kind.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        await Pathways.PublishAsync(api, key, shape == "count" ? Count(key, text) : Condition(key, text));
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var anonymous = api.CreateClient();
        var student = await Pathways.ChildOfParentP1Async(api);
        (await anonymous.GetAsync("/health")).Dispose();

        var filing = clerk.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway = key, studentIin = student, ground = "Заявление родителя", filedOn = Pathways.Today.ToString("yyyy-MM-dd"),
            data = JsonNode.Parse(data),
        }));
        var slowest = TimeSpan.Zero;
        var checks = 0;
        while (!filing.IsCompleted || checks < 3)
        {
            var watch = Stopwatch.StartNew();
            using var health = await anonymous.GetAsync("/health");
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            checks++;
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var refused = await filing;
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{refused.StatusCode}: {body}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith(element + ":", detail, StringComparison.Ordinal);
        Assert.Contains(words, detail, StringComparison.Ordinal);
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"GET /health took {slowest.TotalMilliseconds:0} ms while the case was refused");
    }

    [Theory]
    [InlineData("1e10", "asks for 10,000,000,000 instances; at most 10,000 are allowed")]
    [InlineData("-5", "is not a whole number from 0")]
    public async Task A_literal_count_beyond_the_limits_is_refused_at_upload_naming_the_task(string cardinality, string words)
    {
        using var legal = await api.ClientForAsync("legal.r1");

        using var draft = await legal.PostAsync("/api/definitions/literal-count/drafts", Pathways.Xml(Count("literal-count", cardinality)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, draft.StatusCode);
        var errors = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        var problem = Assert.Single(errors, e => e.GetProperty("elementId").GetString() == "school");
        Assert.Contains(words, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
