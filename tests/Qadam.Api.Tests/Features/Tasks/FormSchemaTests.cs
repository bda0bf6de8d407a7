using System.Text.Json.Nodes;
using Qadam.Api.Features.Tasks;

namespace Qadam.Api.Tests.Features.Tasks;

/// <summary>The server-side check of form-js data: required fields, types, enumerations, dates, bounds, unknown fields.</summary>
public sealed class FormSchemaTests
{
    private static readonly FormSchema Form = FormSchema.Parse(JsonNode.Parse("""
        {"id":"vote","components":[
          {"type":"text","text":"Council vote"},
          {"type":"group","components":[
            {"key":"vote","type":"radio","validate":{"required":true},"values":[{"label":"За","value":"yes"},{"label":"Против","value":"no"}]}]},
          {"key":"comment","type":"textfield","validate":{"maxLength":5,"pattern":"[a-z]*"}},
          {"key":"members","type":"number","validate":{"min":3,"max":9}},
          {"key":"agreed","type":"checkbox","validate":{"required":true}},
          {"key":"meetingOn","type":"datetime","subtype":"date"},
          {"key":"startsAt","type":"datetime","subtype":"time"},
          {"key":"grounds","type":"checklist","values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
          {"key":"school","type":"select","valuesKey":"schools"}]}
        """)!.AsObject());

    [Fact]
    public void Valid_data_passes()
    {
        var errors = Form.Validate(JsonNode.Parse("""
            {"vote":"yes","comment":"ok","members":5,"agreed":true,"meetingOn":"2026-11-20","startsAt":"14:30","grounds":["a","b"],"school":"anything"}
            """)!.AsObject());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"agreed":true}""", "data.vote")]
    [InlineData("""{"vote":"maybe","agreed":true}""", "data.vote")]
    [InlineData("""{"vote":"yes","agreed":false}""", "data.agreed")]
    [InlineData("""{"vote":"yes","agreed":"yes"}""", "data.agreed")]
    [InlineData("""{"vote":"yes","agreed":true,"comment":"toolong"}""", "data.comment")]
    [InlineData("""{"vote":"yes","agreed":true,"comment":"ABC"}""", "data.comment")]
    [InlineData("""{"vote":"yes","agreed":true,"comment":5}""", "data.comment")]
    [InlineData("""{"vote":"yes","agreed":true,"members":2}""", "data.members")]
    [InlineData("""{"vote":"yes","agreed":true,"members":"many"}""", "data.members")]
    [InlineData("""{"vote":"yes","agreed":true,"meetingOn":"2026-02-30"}""", "data.meetingOn")]
    [InlineData("""{"vote":"yes","agreed":true,"startsAt":"25:00"}""", "data.startsAt")]
    [InlineData("""{"vote":"yes","agreed":true,"grounds":["c"]}""", "data.grounds")]
    [InlineData("""{"vote":"yes","agreed":true,"colour":"red"}""", "data.colour")]
    public void Invalid_data_is_reported_under_the_field(string data, string field)
    {
        var errors = Form.Validate(JsonNode.Parse(data)!.AsObject());
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Every_form_of_the_published_pathways_parses_and_accepts_a_complete_answer()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !Directory.Exists(Path.Combine(root, "workflows")))
        {
            root = Path.GetDirectoryName(root);
        }

        var files = root is null ? [] : Directory.GetFiles(Path.Combine(root, "workflows"), "*.form.json", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            var source = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var form = FormSchema.Parse(source);
            Assert.NotEmpty(form.Keys);

            // An answer that fills every field with an acceptable value must pass: the server never refuses what the form allows.
            var answer = new JsonObject();
            foreach (var field in Fields(source["components"] as JsonArray))
            {
                var validate = field["validate"] as JsonObject;
                answer[field["key"]!.GetValue<string>()] = field["type"]!.GetValue<string>() switch
                {
                    "number" => JsonValue.Create((validate?["min"] as JsonValue)?.GetValue<double>() ?? 1),
                    "checkbox" => JsonValue.Create(true),
                    "select" or "radio" => (field["values"] as JsonArray)?[0]?["value"]?.DeepClone() ?? JsonValue.Create("x"),
                    "checklist" or "taglist" => new JsonArray((field["values"] as JsonArray)?[0]?["value"]?.DeepClone()),
                    "datetime" => JsonValue.Create((field["subtype"] as JsonValue)?.GetValue<string>() switch
                    {
                        "time" => "10:00",
                        "datetime" => "2026-11-20T10:00:00+05:00",
                        _ => "2026-11-20",
                    }),
                    _ => JsonValue.Create(TextFor(validate)),
                };
            }

            Assert.True(form.Validate(answer).Count == 0, $"{file}: {string.Join("; ", form.Validate(answer).Select(e => $"{e.Key} {e.Value[0]}"))}");
        }
    }

    // A text that the field's pattern accepts (a website address for a URL field), "a" where no pattern is set.
    private static string TextFor(JsonObject? validate) =>
        validate?["pattern"]?.GetValue<string>() is { } pattern
            ? new[] { "a", "https://school.edu.kz/orders/1", "1", "A1" }.FirstOrDefault(c => System.Text.RegularExpressions.Regex.IsMatch(c, pattern)) ?? "a"
            : "a";

    private static IEnumerable<JsonObject> Fields(JsonArray? components) =>
        (components?.OfType<JsonObject>() ?? []).SelectMany(c =>
            (c["key"] is not null && c["type"]?.GetValue<string>() is not ("text" or "group" or "spacer" or "separator" or "html" or "image" or "button")
                ? [c] : Array.Empty<JsonObject>())
            .Concat(Fields(c["components"] as JsonArray)));
}
