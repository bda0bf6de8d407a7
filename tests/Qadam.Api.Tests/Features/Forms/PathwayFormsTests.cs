using System.Text.Json.Nodes;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Forms;

/// <summary>The forms the repository ships pass the same checks the form editor's saves do.</summary>
public sealed class PathwayFormsTests
{
    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WorkflowsApiFactory.RepositoryRoot(), "workflows"), "*.form.json", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(WorkflowsApiFactory.RepositoryRoot(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_shipped_form_has_typed_fields_with_distinct_usable_keys(string file)
    {
        var form = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsApiFactory.RepositoryRoot(), file)))!.AsObject();

        Assert.Empty(FormSchema.Problems(form));
    }
}
