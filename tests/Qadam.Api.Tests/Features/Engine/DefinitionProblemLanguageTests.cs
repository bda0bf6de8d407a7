using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Engine;

/// <summary>
/// The problems of a drawing read in the legal department's language: each carries a stable code, and its message is worded
/// in Kazakh or Russian by Accept-Language, the engine's English kept beside it for developers.
/// </summary>
public sealed class DefinitionProblemLanguageTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Draft = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="letters" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData("ru", "У таймера не указан срок (timeDate, timeDuration или timeCycle).")]
    [InlineData("kk", "Таймердің мерзімі жазылмаған (timeDate, timeDuration немесе timeCycle).")]
    [InlineData("en", "the timer has no timeDate, timeDuration or timeCycle value")]
    public async Task A_problem_has_a_stable_code_and_reads_in_the_callers_language(string language, string expected)
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = Pathways.Xml(Draft) };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await legal.SendAsync(request);

        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal("wait", problem.GetProperty("elementId").GetString());
        Assert.Equal("timer.no-value", problem.GetProperty("code").GetString());
        Assert.Equal(expected, problem.GetProperty("message").GetString());
        Assert.Equal("the timer has no timeDate, timeDuration or timeCycle value", problem.GetProperty("developerMessage").GetString());
    }
}
