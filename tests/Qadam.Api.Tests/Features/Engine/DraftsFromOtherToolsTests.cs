using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Engine;

/// <summary>
/// The legal department brings a diagram drawn in Camunda Modeler: it is saved as a draft with what only publishing needs
/// listed as warnings beside it, and publishing is refused, naming the same elements, until they are bound.
/// </summary>
public sealed class DraftsFromOtherToolsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    /// <summary>The Camunda Modeler export the engine tests keep (tests/Qadam.Workflows.Tests/Definitions/CamundaModeler).</summary>
    internal static string CamundaExport()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "tests", "Qadam.Workflows.Tests", "Definitions", "CamundaModeler", "plain-process.bpmn");
            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }
        }

        throw new FileNotFoundException("plain-process.bpmn is not above the test binaries.");
    }

    private static readonly string[] Unbound =
        ["Activity_decision", "Activity_interview", "Activity_order", "Activity_remind", "Activity_review", "Activity_teacher"];

    [Fact]
    public async Task A_Camunda_Modeler_draft_is_saved_with_warnings_and_publishing_is_refused_naming_them()
    {
        using var legal = await api.ClientForAsync("legal.r1");

        using var draft = await legal.PostAsync("/api/definitions/camunda-draft/drafts", Pathways.Xml(CamundaExport()));
        var saved = await draft.Content.ReadFromJsonAsync<JsonElement>();
        using var publish = await legal.PostAsync("/api/definitions/camunda-draft/versions/1/publish", Pathways.Json(new
        {
            effectiveFrom = "2025-09-01", legalBasis = new { act = Pathways.Act, edition = "2025-103", paragraph = "Прил. 2" },
        }));
        var refused = await publish.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Equal("draft", saved.GetProperty("status").GetString());
        var warnings = saved.GetProperty("warnings").EnumerateArray().ToList();
        Assert.All(warnings, w => Assert.Equal("warning", w.GetProperty("severity").GetString()));
        Assert.Equal(Unbound, warnings.Select(w => w.GetProperty("elementId").GetString()).Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        var errors = refused.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(Unbound, errors.Select(e => e.GetProperty("elementId").GetString()).Order());
        Assert.All(errors, e => Assert.Equal("warning", e.GetProperty("severity").GetString()));
        var stored = await legal.GetFromJsonAsync<JsonElement>("/api/definitions/camunda-draft/versions/1");
        Assert.Equal("draft", stored.GetProperty("version").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Validate_says_the_draft_can_be_saved_and_which_problems_are_errors_and_which_warnings()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var feel = CamundaExport().Replace("""<bpmn:conditionExpression xsi:type""", """<bpmn:conditionExpression language="feel" xsi:type""",
            StringComparison.Ordinal);

        var draft = await (await legal.PostAsync("/api/definitions/validate", Pathways.Xml(CamundaExport()))).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await (await legal.PostAsync("/api/definitions/validate", Pathways.Xml(feel))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(draft.GetProperty("valid").GetBoolean());
        Assert.True(draft.GetProperty("canSave").GetBoolean());
        Assert.All(draft.GetProperty("problems").EnumerateArray(), p => Assert.Equal("warning", p.GetProperty("severity").GetString()));
        Assert.False(refused.GetProperty("canSave").GetBoolean());
        var error = Assert.Single(refused.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal("Flow_complete", error.GetProperty("elementId").GetString());
        Assert.StartsWith("the condition is in FEEL", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
