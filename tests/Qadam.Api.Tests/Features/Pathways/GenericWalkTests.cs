using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qadam.Api.Tests.Features.Definitions;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A client that knows nothing of the pathways but the published contract: as each demo user it reads the pathways it may file
/// with their filing forms (<c>GET /api/cases/filing-forms</c>), files a case with values taken from that form alone, then works
/// every open task of the case as each demo user, filling each task's form-js schema from the schema alone (choices from its
/// values, evidence uploaded through the API, documents of a signing step signed), until the case reaches an outcome. Where it
/// cannot go on, or the API refuses a value its own schema allows, the test names the pathway, the task and the field.
/// </summary>
public sealed class GenericWalkTests(WorkflowsApiFactory api, ITestOutputHelper output) : IClassFixture<WorkflowsApiFactory>
{
    /// <summary>The demo users of README.md, the order they are asked for work in.</summary>
    private static readonly string[] DemoUsers =
    [
        "clerk.s1", "clerk.c1", "registrar.u1", "student.u1",
        "psychologist.s1", "teacher.s1", "socialpedagogue.s1", "secretary.s1", "secretary.c1",
        .. Enumerable.Range(1, 5).Select(i => $"council{i}.s1"), .. Enumerable.Range(1, 5).Select(i => $"council{i}.c1"),
        .. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1"),
        "head.s1", "deputy.s1", "head.c1", "dean.u1", "council1.u1", "rector.u1", "regional.r1",
    ];

    private static readonly string[] ApproveWords = ["yes", "approve", "approved", "agree", "grant", "distance", "transfer", "recommend", "admit", "register", "accept", "confirm"];

    private static readonly string[] RefuseWords = ["no", "refuse", "refused", "reject", "deny", "decline", "inPerson", "notRecommended", "return"];

    private static readonly string[] RiskWords = ["depart", "danger", "missed", "paid", "vacation", "emergency"];

    private static readonly HashSet<string> Outcomes = new(
        ["transferred", "refused", "returned", "closed", "decided", "registered", "admitted", "revision", "cancelled"], StringComparer.Ordinal);

    [Fact]
    public async Task Every_fileable_pathway_walks_to_an_outcome_on_the_approving_branch() => await WalkAllAsync(approve: true);

    [Fact]
    public async Task Every_fileable_pathway_walks_to_an_outcome_on_the_refusing_branch() => await WalkAllAsync(approve: false);

    private async Task WalkAllAsync(bool approve)
    {
        var started = DateTime.UtcNow;
        var problems = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var usedStudents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filer in DemoUsers)
        {
            using var client = await api.ClientForAsync(filer);
            using var listed = await client.GetAsync("/api/cases/filing-forms");
            if (listed.StatusCode == HttpStatusCode.Forbidden)
            {
                continue;
            }

            Assert.True(listed.IsSuccessStatusCode, $"{filer}: GET /api/cases/filing-forms {listed.StatusCode} {await listed.Content.ReadAsStringAsync()}");
            foreach (var pathway in (await listed.Content.ReadFromJsonAsync<JsonArray>())!.OfType<JsonObject>())
            {
                var key = pathway["key"]!.GetValue<string>();
                if (!walked.Add(key))
                {
                    continue;
                }

                Assert.False(string.IsNullOrWhiteSpace(pathway["nameKk"]?.GetValue<string>()), $"{key}: no Kazakh name");
                Assert.False(string.IsNullOrWhiteSpace(pathway["nameRu"]?.GetValue<string>()), $"{key}: no Russian name");
                try
                {
                    await WalkAsync(filer, key, pathway["form"]!.AsObject(), approve, usedStudents, problems);
                }
                catch (Exception ex) when (ex is Xunit.Sdk.XunitException or TimeoutException)
                {
                    problems.Add($"{key}: {ex.Message}");
                }
            }
        }

        output.WriteLine($"walked {string.Join(", ", walked)} in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        Assert.Contains("parent-application", walked);
        Assert.Contains("university-distance", walked);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task WalkAsync(string filer, string key, JsonObject filingForm, bool approve, HashSet<string> usedStudents, List<string> problems)
    {
        var language = approve ? "kk" : "ru";
        CheckLabels(key, "filing form", filingForm, problems);
        var filing = Fill(key, "filing form", filingForm, null, approve, problems);
        // A student once walked keeps what the case left (an open case, a ledger's hours): each case takes the next one offered.
        var students = Field(filingForm, "studentIin")?["values"]?.AsArray().Select(v => v!["value"]!.GetValue<string>()).ToList() ?? [];
        var student = students.FirstOrDefault(usedStudents.Add);
        // An organisation's own case (tvet-online) is filed for a programme and offers no student field at all.
        var forOrganisation = Field(filingForm, "studentIin") is null;
        if (student is null && !forOrganisation)
        {
            problems.Add($"{key}: the filing form offers {filer} no student not yet walked");
            return;
        }

        filing["pathway"] = key;
        if (!forOrganisation)
        {
            filing["studentIin"] = student;
        }

        filing["language"] = language;
        filing["data"] = new JsonObject();
        using var filerClient = await api.ClientForAsync(filer);
        using var filed = await filerClient.PostAsync("/api/cases", Pathways.Json(filing));
        var filedBody = await filed.Content.ReadAsStringAsync();
        if (filed.StatusCode != HttpStatusCode.Created)
        {
            problems.Add($"{key}: {filer} filing with the values the filing form allows: {(int)filed.StatusCode} {filedBody}");
            return;
        }

        using var @case = new PathwayCase(api, JsonDocument.Parse(filedBody).RootElement.GetProperty("id").GetString()!, JsonDocument.Parse(filedBody).RootElement.Clone());
        var steps = new List<string>();
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < 40; round++)
        {
            var worked = false;
            await @case.RunJobsAsync();
            foreach (var user in DemoUsers)
            {
                var client = await @case.ClientAsync(user);
                using var inbox = await client.GetAsync($"/api/tasks?caseId={@case.Id}");
                if (inbox.StatusCode == HttpStatusCode.Forbidden)
                {
                    continue;
                }

                var items = (await inbox.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().OfType<JsonObject>()
                    .Where(t => t["assignee"] is null || t["assignee"]!.GetValue<string>() == user).ToList();
                foreach (var item in items)
                {
                    var taskId = item["id"]!.GetValue<string>();
                    var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
                    // A task of the list may have been withdrawn by the one completed before it (the other branch of an event gateway).
                    if (detail["callerIsCandidate"]?.GetValue<bool>() != true || detail["task"]?["status"]?.ToString() is not ("open" or "claimed"))
                    {
                        continue;
                    }

                    var element = item["elementId"]!.GetValue<string>();
                    var where = $"{key} task {element} ({user})";
                    var data = new JsonObject();
                    // A step that comes round again (a quarter's attestation while the period runs, a renewed conclusion) takes
                    // the other branch the second time, so the walk ends as the period would.
                    visits[element] = visits.GetValueOrDefault(element) + 1;
                    var branch = visits[element] <= 1 ? approve : !approve;
                    if (detail["form"] is JsonObject form)
                    {
                        CheckLabels(key, $"task {element}", form, problems);
                        data = Fill(key, $"task {element}", form, detail["data"] as JsonObject, branch, problems);
                        await AttachEvidenceAsync(@case, user, form, data);
                    }
                    else if (item["formKey"] is JsonValue formKey)
                    {
                        problems.Add($"{where}: the task names the form '{formKey}' and GET /api/tasks/{{id}} publishes no schema for it");
                    }

                    foreach (var document in detail["documents"]!.AsArray().OfType<JsonObject>()
                                 .Where(d => d["toSign"]?.GetValue<bool>() == true && d["signedByCaller"]?.GetValue<bool>() != true))
                    {
                        using var signed = await client.PostAsync($"/api/documents/{document["id"]}/signatures", Pathways.Json(new { mode = "server" }));
                        Assert.True(signed.IsSuccessStatusCode, $"{where}: signing {document["templateKey"]}: {signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
                    }

                    using var completed = await client.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data }));
                    if (completed.StatusCode == HttpStatusCode.Conflict && (await completed.Content.ReadAsStringAsync()).Contains("cancelled, not open", StringComparison.Ordinal))
                    {
                        // Withdrawn while it was being filled (a timer or the other branch of a gateway ran): the next round re-reads.
                        continue;
                    }

                    if (completed.StatusCode != HttpStatusCode.OK)
                    {
                        problems.Add($"{where}: completing with values its schema allows ({data.ToJsonString()}): {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
                        return;
                    }

                    steps.Add(element);
                    worked = true;
                }
            }

            if (!worked)
            {
                var status = (await @case.ReadAsync(filer)).GetProperty("status").GetString()!;
                output.WriteLine($"{key} ({(approve ? "approve" : "refuse")}): {string.Join(" → ", steps)} ⇒ {status}");
                if (!Outcomes.Contains(status))
                {
                    var waiting = (await (await @case.ClientAsync(filer)).GetFromJsonAsync<JsonObject>($"/api/cases/{@case.Id}"))!["currentSteps"]!
                        .AsArray().OfType<JsonObject>().Select(s => $"{s["elementId"]} [{string.Join(",", s["candidateRoles"]?.AsArray().Select(r => r!.ToString()) ?? [])}]");
                    problems.Add($"{key}: stuck in status '{status}' after {string.Join(" → ", steps)}; no demo user has an open task; waiting at {string.Join("; ", waiting)}");
                }

                return;
            }
        }

        problems.Add($"{key}: no outcome after 40 rounds ({string.Join(" → ", steps)})");
    }

    /// <summary>A field that must name an evidence file gets the id of a small PDF uploaded to the case as the task's user.</summary>
    private static async Task AttachEvidenceAsync(PathwayCase @case, string user, JsonObject form, JsonObject data)
    {
        foreach (var field in Fields(form).Where(f => (f["properties"] as JsonObject)?["evidence"]?.ToString() == "required"))
        {
            data[field["key"]!.GetValue<string>()] = await @case.AttachEvidenceAsync(user, "evidence.pdf");
        }
    }

    /// <summary>Every data field's label is a "kk / ru" pair, and so is every option's.</summary>
    private static void CheckLabels(string key, string where, JsonObject form, List<string> problems)
    {
        foreach (var field in Fields(form))
        {
            var label = (field["label"] ?? field["dateLabel"])?.ToString();
            if (!Bilingual(label))
            {
                problems.Add($"{key} {where}: field '{field["key"]}' has no label in both kk and ru ('{label}')");
            }

            // A student's name is the same in both languages.
            foreach (var option in field["key"]?.ToString() == "studentIin" ? [] : (field["values"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (!Bilingual(option["label"]?.ToString()))
                {
                    problems.Add($"{key} {where}: an option of '{field["key"]}' has no label in both kk and ru ('{option["label"]}')");
                }
            }
        }
    }

    /// <summary>
    /// A "kk / ru" pair, or a label written the same in both languages: no Cyrillic letter in it (MBA, 6B01101), since a
    /// Kazakh or Russian word alone would show in the other language's screen.
    /// </summary>
    private static bool Bilingual(string? label) =>
        label is not null && ((label.Split(" / ") is [var kk, .., var ru] && kk.Trim().Length > 0 && ru.Trim().Length > 0)
                              || (label.Trim().Length > 0 && !Regex.IsMatch(label, @"\p{IsCyrillic}")));

    /// <summary>Values for every data field, from the schema alone (and the form's prefill where the API gives one).</summary>
    private static JsonObject Fill(string key, string where, JsonObject form, JsonObject? prefill, bool approve, List<string> problems)
    {
        var today = Pathways.Today;
        var data = new JsonObject();
        foreach (var field in Fields(form))
        {
            var name = field["key"]!.GetValue<string>();
            if (prefill?[name] is { } given)
            {
                data[name] = given.DeepClone();
                continue;
            }

            var validate = field["validate"] as JsonObject;
            var required = validate?["required"]?.GetValue<bool>() == true;
            var values = (field["values"] as JsonArray)?.OfType<JsonObject>().Select(v => v["value"]!).ToList();
            switch (field["type"]!.GetValue<string>())
            {
                case "select" or "radio":
                    if (values is { Count: > 0 })
                    {
                        data[name] = Choose(values, approve).DeepClone();
                    }
                    else if (required)
                    {
                        problems.Add($"{key} {where}: the required choice '{name}' publishes no values to choose from");
                    }

                    break;
                case "checklist" or "taglist":
                    if (values is { Count: > 0 })
                    {
                        data[name] = new JsonArray(Choose(values, approve).DeepClone());
                    }

                    break;
                case "checkbox":
                    // A box that records a risk or a fault (leaving the country, a danger zone, missed assessments, a paid
                    // transfer) is what a refusal rests on, so the approving walk leaves it unticked.
                    data[name] = required || (approve && !RiskWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)));
                    break;
                case "number":
                    var min = validate?["min"]?.GetValue<double>();
                    var max = validate?["max"]?.GetValue<double>();
                    data[name] = min ?? (max is { } m ? Math.Min(m, 1) : 1);
                    break;
                case "datetime":
                    var subtype = field["subtype"]?.ToString() ?? "date";
                    data[name] = subtype switch
                    {
                        "time" => "07:00",
                        "datetime" => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                        _ => (field["properties"]?["min"] is { } low && DateOnly.Parse(low.ToString()) > today ? DateOnly.Parse(low.ToString()) : today)
                            .ToString("yyyy-MM-dd"),
                    };
                    break;
                default:
                    data[name] = Text(validate);
                    break;
            }
        }

        return data;
    }

    private static JsonNode Choose(List<JsonNode> values, bool approve)
    {
        var words = approve ? ApproveWords : RefuseWords;
        return values.FirstOrDefault(v => words.Any(w => string.Equals(v.ToString(), w, StringComparison.OrdinalIgnoreCase)))
               ?? values.FirstOrDefault(v => words.Any(w => v.ToString().Contains(w, StringComparison.OrdinalIgnoreCase)))
               ?? values[0];
    }

    /// <summary>A text that fits the field's length and pattern when one of a few ordinary answers does.</summary>
    private static string Text(JsonObject? validate)
    {
        var pattern = validate?["pattern"]?.ToString();
        var minLength = validate?["minLength"]?.GetValue<int>() ?? 0;
        string[] candidates = ["Тексеру / Проверка", "7", "12", "2026", "A-1", "ЧС-5", "1-н", "000000000000", "06130100"];
        foreach (var candidate in candidates)
        {
            var text = candidate.PadRight(minLength, '.');
            if (string.IsNullOrEmpty(pattern) || Regex.IsMatch(text, "^(?:" + pattern + ")$"))
            {
                return text;
            }
        }

        return "Тексеру / Проверка";
    }

    private static JsonObject? Field(JsonObject form, string key) => Fields(form).FirstOrDefault(f => f["key"]?.ToString() == key);

    private static IEnumerable<JsonObject> Fields(JsonObject form)
    {
        string[] dataTypes = ["textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "taglist", "datetime"];
        var pending = new Stack<JsonObject>([form]);
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            foreach (var child in (component["components"] as JsonArray)?.OfType<JsonObject>().Reverse() ?? [])
            {
                pending.Push(child);
            }

            if (component["key"] is JsonValue && dataTypes.Contains(component["type"]?.ToString()))
            {
                yield return component;
            }
        }
    }
}
