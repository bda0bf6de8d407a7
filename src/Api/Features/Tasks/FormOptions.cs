using System.Text.Json.Nodes;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// The options a form takes from its data (form-js <c>valuesKey</c>) rather than from its schema, because they are the
/// case's own: the disciplines of the student's study plan the dean picks from (order 97 para 21, order 374 para 9: the
/// individual plan moves disciplines of the student's plan). <c>GET /api/tasks/{id}</c> puts them in the task's data, so
/// the screen and any client reading only the API offer exactly the codes the cap check knows.
/// </summary>
internal static class FormOptions
{
    /// <summary>The data key of the plan's disciplines, as <c>dean-review</c>'s <c>distanceDisciplines</c> names it.</summary>
    public const string PlanDisciplines = "planDisciplines";

    /// <summary>The <c>valuesKey</c>s of the form's fields this class can fill.</summary>
    public static bool Needed(JsonObject? form) => form is not null && Keys(form).Contains(PlanDisciplines);

    /// <summary>The form data carrying the options each <c>valuesKey</c> of <paramref name="form"/> names, from the task's variables.</summary>
    public static JsonObject? From(JsonObject form, JsonObject variables)
    {
        if (!Keys(form).Contains(PlanDisciplines))
        {
            return null;
        }

        var disciplines = (variables["student"]?["plan"]?["disciplines"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(d => d["code"] is JsonValue)
            .Select(d => (JsonNode)new JsonObject
            {
                // "D02 Ағылшын тілі / Английский язык": the code is what the cap check and the order use.
                ["label"] = $"{d["code"]} {d["nameKk"]} / {d["nameRu"]}",
                ["value"] = d["code"]!.GetValue<string>(),
            });
        return new JsonObject { [PlanDisciplines] = new JsonArray([.. disciplines]) };
    }

    private static HashSet<string> Keys(JsonObject form)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonObject>([form]);
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if ((component["valuesKey"] as JsonValue)?.TryGetValue<string>(out var key) == true)
            {
                keys.Add(key);
            }

            foreach (var child in (component["components"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                pending.Push(child);
            }
        }

        return keys;
    }
}
